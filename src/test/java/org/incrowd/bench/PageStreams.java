package org.incrowd.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a page's script does with its live stream, as {@code static/js/live.js} does it, read from the page itself:
 * the events it asks for (its regions' {@code data-live-on} and {@code data-live-in-place}), and which events make
 * which region fetch the page again ({@code data-live-on}), so that the benchmarks' streams carry what a browser's
 * would and can count the fetches a browser would make.
 */
final class PageStreams {

    private static final Pattern REGION = Pattern.compile("<[a-z]+\\s[^>]*data-live-(?:on|in-place)=\"[^>]*>");
    private static final Pattern FETCHES_ON = Pattern.compile("data-live-on=\"([^\"]*)\"");
    private static final Pattern IN_PLACE = Pattern.compile("data-live-in-place=\"([^\"]*)\"");
    private static final Pattern OWN_ADDRESS = Pattern.compile("data-live-src=\"([^\"]*)\"");

    /**
     * A region that fetches on these events: what it fetches, the page's kind (the whole page) or, for a region with
     * its own address (the bell, a section of the Jam's home, a thread's replies), that path with its numbers as
     * {@code #}.
     */
    record Region(Set<String> on, String fetches) {

        boolean wholePage() {
            return !fetches.startsWith("/");
        }
    }

    /** A page (its path's first part: jams, forums, threads), its stream's {@code on=} value, and its regions. */
    record Page(String kind, String on, List<Region> regions) {

        static Page of(String kind, String html) {
            var all = new TreeSet<String>();
            var regions = new ArrayList<Region>();
            var tags = REGION.matcher(html);
            while (tags.find()) {
                var fetchesOn = names(FETCHES_ON, tags.group());
                if (!fetchesOn.isEmpty()) {
                    var ownAddress = OWN_ADDRESS.matcher(tags.group());
                    regions.add(new Region(fetchesOn,
                            ownAddress.find() ? ownAddress.group(1).split("\\?")[0].replaceAll("[0-9]+", "#") : kind));
                }
                fetchesOn.forEach(name -> all.add(name.split(":")[0])); // post:idea is a post event
                all.addAll(names(IN_PLACE, tags.group()));
            }
            return new Page(kind, String.join(",", all), List.copyOf(regions));
        }

        private static Set<String> names(Pattern attribute, String tag) {
            var matcher = attribute.matcher(tag);
            var names = new TreeSet<String>();
            if (matcher.find()) {
                Arrays.stream(matcher.group(1).split(" ")).filter(type -> !type.isBlank()).forEach(names::add);
            }
            return names;
        }
    }

    private PageStreams() {
    }

    /** The page at {@code path}, as its script reads it. */
    static Page read(HttpClient http, URI base, String authorization, String path)
            throws IOException, InterruptedException {
        var answer = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return Page.of(path.split("/")[1], answer.body());
    }

    /** The query parameter as the script adds it. */
    static String parameter(String on) {
        return "on=" + URLEncoder.encode(on, StandardCharsets.UTF_8);
    }
}
