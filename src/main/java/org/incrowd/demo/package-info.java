/**
 * Demo content for {@code ./incrowd run} ({@code incrowd.demo=true}): demo accounts with documented passwords, about
 * 120 demo people from many countries, a live Jam with forums, hosts, facilitators, posts and reactions, a scheduled
 * and a closed Jam. Everything is created through the other modules' public services, never with SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo content")
package org.incrowd.demo;
