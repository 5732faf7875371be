package org.incrowd.discussion;

/**
 * Activity in one time bucket: {@code index} counts buckets from the origin asked for (negative before it), {@code
 * people} is how many different people posted or reacted in it.
 */
public record ActivityBucket(long index, long people, long posts) {
}
