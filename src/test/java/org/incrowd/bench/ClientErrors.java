package org.incrowd.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every failure a replay client saw, by what it was doing and what went wrong, with when it happened. */
final class ClientErrors {

    /** One failure: {@code what} the client did ("post", "page", ...), the {@code kind} of failure, and when. */
    record Error(String what, String kind, long nanos) {
    }

    private final ConcurrentLinkedQueue<Error> errors = new ConcurrentLinkedQueue<>();
    private final java.util.Set<String> firstRefusals = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void failed(String what, Throwable failure) {
        errors.add(new Error(what, kindOf(failure), System.nanoTime()));
    }

    void answered(String what, int status, String body) {
        errors.add(new Error(what, "http " + status, System.nanoTime()));
        if (status < 500 && firstRefusals.add(what + status)) {
            System.out.println("First " + what + " refused with " + status + ": " + body);
        }
    }

    /** Counts by "what: kind", split into those inside the fault windows and those outside. */
    Map<String, Object> counts(FaultWindows windows) {
        var inside = new TreeMap<String, Long>();
        var outside = new TreeMap<String, Long>();
        for (var error : errors) {
            (windows.contains(error.nanos()) ? inside : outside).merge(error.what() + ": " + error.kind(), 1L,
                    Long::sum);
        }
        return Map.of("inside_fault_windows", inside, "outside_fault_windows", outside);
    }

    List<Error> all() {
        return List.copyOf(errors);
    }

    static String kindOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "connection closed";
        }
        return cause.getClass().getSimpleName();
    }
}
