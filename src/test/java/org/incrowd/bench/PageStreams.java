package org.incrowd.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a page's script asks its live stream for, as {@code static/js/live.js} does: the events its regions listen to
 * ({@code data-live-on}), read from the page itself, so that the benchmarks' streams carry what a browser's would.
 */
final class PageStreams {

    private static final Pattern LISTENS = Pattern.compile("data-live-on=\"([^\"]*)\"");

    private PageStreams() {
    }

    /** The stream's {@code on=} value for the page at {@code path}: its regions' event names, sorted, with commas. */
    static String listenedOn(HttpClient http, URI base, String authorization, String path)
            throws IOException, InterruptedException {
        var answer = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return listenedOn(answer.body());
    }

    static String listenedOn(String html) {
        var types = new TreeSet<String>();
        var matcher = LISTENS.matcher(html);
        while (matcher.find()) {
            Arrays.stream(matcher.group(1).split(" ")).filter(type -> !type.isBlank()).forEach(types::add);
        }
        return String.join(",", types);
    }

    /** The query parameter as the script adds it. */
    static String parameter(String on) {
        return "on=" + URLEncoder.encode(on, StandardCharsets.UTF_8);
    }
}
