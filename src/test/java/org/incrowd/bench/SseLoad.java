package org.incrowd.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Many Server-Sent Events clients on one selector thread: a few hundred bytes of state per connection, so that
 * 10,000 of them share two cores with the server they measure. Each client behaves like a browser's EventSource: it
 * reconnects after the server's {@code retry:} delay and sends {@code Last-Event-ID}. Everything is recorded on the
 * selector thread; the benchmark reads the results after {@link #stop()}.
 */
final class SseLoad implements AutoCloseable {

    private static final Pattern POST = Pattern.compile("\"post\":(\\d+)");
    private static final int READ_BUFFER = 64 * 1024;
    /** Connections opened but not yet answered, so that the ramp does not flood the server's accept queue. */
    private static final int MAX_PENDING = 256;
    /** A region of a page fetches at most once a second ({@code MIN_INTERVAL_MS} in {@code live.js}). */
    private static final long FETCH_INTERVAL_NANOS = 1_000_000_000L;

    /**
     * What one client watches, as a page would: the whole Jam, a forum or a thread, and what its page does with the
     * events ({@code page}, as {@link PageStreams} reads it from the page; null for every event and no fetches).
     */
    record Filter(Long forumId, Long threadId, PageStreams.Page page) {

        String query() {
            var place = threadId != null ? "thread=" + threadId : forumId != null ? "forum=" + forumId : null;
            var listens = page != null ? PageStreams.parameter(page.on()) : null;
            if (place == null && listens == null) {
                return "";
            }
            return "?" + (place == null ? listens : listens == null ? place : place + "&" + listens);
        }

        boolean sees(long forum, long thread) {
            return (forumId == null || forumId == forum) && (threadId == null || threadId == thread);
        }
    }

    /** One received post event: which client, which post, when (System.nanoTime). */
    record Receipt(int client, long post, long nanos) {
    }

    final class Client {
        final int index;
        final Filter filter;
        SocketChannel channel;
        long lastEventId = -1;
        long retryMillis = 2_000;
        boolean connected;
        long connectedNanos;
        int connects;
        final Set<Long> posts = new HashSet<>();
        int duplicates;
        int outOfOrder;
        long received;
        // parsing state of the current response
        final StringBuilder head = new StringBuilder();
        boolean headDone;
        boolean chunked;
        long chunkLeft = -1;
        long bodyLeft = -1; // with a Content-Length: the bytes still to come
        boolean ended;
        final StringBuilder chunkLine = new StringBuilder();
        final StringBuilder line = new StringBuilder();
        String eventId;
        String eventType = "message";
        final StringBuilder data = new StringBuilder();
        /** Per region of the page: when it last fetched, and when a fetch it waits for is due (0: none waits). */
        final long[] regionFetched;
        final long[] regionDue;

        Client(int index, Filter filter) {
            this.index = index;
            this.filter = filter;
            int regions = filter.page() == null ? 0 : filter.page().regions().size();
            this.regionFetched = new long[regions];
            this.regionDue = new long[regions];
            Arrays.fill(regionFetched, Long.MIN_VALUE / 2);
        }

        /**
         * The page fetches its regions as {@code live.js} does: a region that listens to the event fetches at once
         * if its last fetch is a second old, else once when the second is over; events meanwhile add nothing.
         */
        void fetchesFor(String type, boolean newIdea, long now, Map<String, LongList> fetches) {
            var regions = filter.page() == null ? List.<PageStreams.Region>of() : filter.page().regions();
            for (int r = 0; r < regions.size(); r++) {
                settle(r, now, fetches);
                var on = regions.get(r).on();
                boolean listens = on.contains(type) || newIdea && on.contains(type + ":idea");
                if (listens && regionDue[r] == 0) {
                    if (now - regionFetched[r] >= FETCH_INTERVAL_NANOS) {
                        regionFetched[r] = now;
                        fetchesOf(r, fetches).add(now);
                    } else {
                        regionDue[r] = regionFetched[r] + FETCH_INTERVAL_NANOS;
                    }
                }
            }
        }

        /** A fetch that was waiting for its second and is due by {@code now} has happened. */
        void settle(int region, long now, Map<String, LongList> fetches) {
            if (regionDue[region] != 0 && regionDue[region] <= now) {
                regionFetched[region] = regionDue[region];
                fetchesOf(region, fetches).add(regionDue[region]);
                regionDue[region] = 0;
            }
        }

        private LongList fetchesOf(int region, Map<String, LongList> fetches) {
            return fetches.computeIfAbsent(filter.page().regions().get(region).fetches(), what -> new LongList());
        }
    }

    /** A growing list of longs, without a box per entry: one per fetch of a page. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long countBetween(long from, long to) {
            long count = 0;
            for (int i = 0; i < size; i++) {
                if (values[i] >= from && values[i] < to) {
                    count++;
                }
            }
            return count;
        }
    }

    private final InetSocketAddress server;
    private final String pathPrefix;
    private final String authorization;
    private final Selector selector;
    private final List<Client> clients = new ArrayList<>();
    private final ArrayDeque<Client> toConnect = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<long[]> later = new ArrayList<>(); // {dueNanos, client}
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final List<Receipt> receipts = new ArrayList<>();
    private volatile int connectedCount;
    private volatile long eventsReceived;
    /** Events received per type ({@code event:} line): which kinds of event the streams' writes are spent on. */
    private final Map<String, Long> receivedByType = new java.util.TreeMap<>();
    /**
     * When the clients' pages would have fetched a region again (System.nanoTime), had they been browsers; by what
     * the fetch asks for ({@link PageStreams.Region#fetches()}).
     */
    private final Map<String, LongList> pageFetches = new java.util.TreeMap<>();
    private int pending;
    private long failures;
    // When each stream opened and each ended or failed (System.nanoTime): a storm's timeline
    private final List<Long> opened = new ArrayList<>();
    private final List<Long> dropped = new ArrayList<>();
    private long responsesEnded;
    private Thread thread;

    SseLoad(InetSocketAddress server, long jamId, String authorization, List<Filter> filters) throws IOException {
        this.server = server;
        this.pathPrefix = "/live/jams/" + jamId;
        this.authorization = authorization;
        this.selector = Selector.open();
        for (int i = 0; i < filters.size(); i++) {
            var client = new Client(i, filters.get(i));
            clients.add(client);
            toConnect.add(client);
        }
    }

    void start() {
        thread = Thread.ofPlatform().name("sse-load").daemon().start(this::loop);
    }

    int connected() {
        return connectedCount;
    }

    /** CPU time of the one thread that reads every stream, in nanoseconds: whether the generator keeps up. */
    long selectorCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
    }

    long eventsReceived() {
        return eventsReceived;
    }

    /** Read after {@link #stop()}: the selector thread writes it. */
    Map<String, Long> eventsReceivedByType() {
        return receivedByType;
    }

    /**
     * Read after {@link #stop()}: how many times the clients' pages would have fetched a region again between the two
     * moments (System.nanoTime), had they been browsers running {@code live.js}.
     */
    Map<String, Long> pageFetchesBetween(long from, long to) {
        for (var client : clients) {
            for (int r = 0; r < client.regionDue.length; r++) {
                client.settle(r, to, pageFetches);
            }
        }
        var counts = new java.util.TreeMap<String, Long>();
        pageFetches.forEach((kind, fetches) -> counts.put(kind, fetches.countBetween(from, to)));
        return counts;
    }

    List<Client> clients() {
        return clients;
    }

    List<Receipt> receipts() {
        return receipts;
    }

    long failures() {
        return failures;
    }

    /** Per second from {@code since}: how many streams opened and how many ended or failed, for {@code seconds}. */
    Map<String, List<Integer>> timeline(long since, int seconds) {
        return Map.of("opened", perSecond(opened, since, seconds), "ended_or_failed", perSecond(dropped, since, seconds));
    }

    private static List<Integer> perSecond(List<Long> times, long since, int seconds) {
        var counts = new Integer[seconds];
        Arrays.fill(counts, 0);
        for (long at : times) {
            int second = (int) ((at - since) / 1_000_000_000L);
            if (at >= since && second < seconds) {
                counts[second]++;
            }
        }
        return List.of(counts);
    }

    /**
     * Responses the server ended while the connection stayed open (HTTP keep-alive): EventSource reconnects then, as
     * these clients do, rather than waiting for the connection to close.
     */
    long responsesEnded() {
        return responsesEnded;
    }

    void stop() throws InterruptedException {
        running.set(false);
        selector.wakeup();
        thread.join();
    }

    @Override
    public void close() throws IOException {
        running.set(false);
        selector.close();
    }

    private void loop() {
        while (running.get()) {
            try {
                runDue();
                while (pending < MAX_PENDING && !toConnect.isEmpty()) {
                    open(toConnect.poll());
                }
                selector.select(50);
                var keys = selector.selectedKeys();
                for (var key : keys) {
                    var client = (Client) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            finishConnect(key, client);
                        } else if (key.isReadable()) {
                            read(key, client);
                        }
                    } catch (IOException | RuntimeException e) {
                        dropped(client);
                    }
                }
                keys.clear();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (var client : clients) {
            closeQuietly(client);
        }
    }

    private void runDue() {
        long now = System.nanoTime();
        for (var it = later.iterator(); it.hasNext(); ) {
            var due = it.next();
            if (due[0] <= now) {
                it.remove();
                toConnect.add(clients.get((int) due[1]));
            }
        }
    }

    private void open(Client client) {
        try {
            client.channel = SocketChannel.open();
            client.channel.configureBlocking(false);
            client.channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            pending++;
            client.connects++;
            if (client.channel.connect(server)) {
                sendRequest(client);
                client.channel.register(selector, SelectionKey.OP_READ, client);
            } else {
                client.channel.register(selector, SelectionKey.OP_CONNECT, client);
            }
        } catch (IOException e) {
            dropped(client);
        }
    }

    private void finishConnect(SelectionKey key, Client client) throws IOException {
        client.channel.finishConnect();
        sendRequest(client);
        key.interestOps(SelectionKey.OP_READ);
    }

    private void sendRequest(Client client) throws IOException {
        var request = new StringBuilder("GET ").append(pathPrefix).append(client.filter.query())
                .append(" HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: ").append(authorization)
                .append("\r\n");
        if (client.lastEventId >= 0) {
            request.append("Last-Event-ID: ").append(client.lastEventId).append("\r\n");
        }
        request.append("\r\n");
        var bytes = ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            client.channel.write(bytes); // a few hundred bytes always fit a fresh socket's buffer
        }
        client.head.setLength(0);
        client.headDone = false;
        client.chunkLeft = -1;
        client.bodyLeft = -1;
        client.ended = false;
        client.chunkLine.setLength(0);
        client.line.setLength(0);
        client.data.setLength(0);
        client.eventId = null;
        client.eventType = "message";
    }

    private void read(SelectionKey key, Client client) throws IOException {
        buffer.clear();
        int n = client.channel.read(buffer);
        if (n < 0) {
            dropped(client);
            return;
        }
        buffer.flip();
        while (buffer.hasRemaining() && !client.ended) {
            char c = (char) (buffer.get() & 0xff); // payloads are ASCII JSON
            if (!client.headDone) {
                head(client, c);
            } else if (client.chunked) {
                chunked(client, c);
            } else {
                body(client, c);
                if (client.bodyLeft > 0 && --client.bodyLeft == 0) {
                    client.ended = true;
                }
            }
        }
        if (client.ended) {
            responsesEnded++;
            dropped(client);
        }
    }

    private void head(Client client, char c) throws IOException {
        client.head.append(c);
        int length = client.head.length();
        if (length >= 4 && client.head.charAt(length - 1) == '\n' && client.head.charAt(length - 2) == '\r'
                && client.head.charAt(length - 3) == '\n' && client.head.charAt(length - 4) == '\r') {
            String head = client.head.toString();
            if (!head.startsWith("HTTP/1.1 200")) {
                throw new IOException("Refused: " + head.lines().findFirst().orElse(""));
            }
            client.chunked = head.toLowerCase().contains("transfer-encoding: chunked");
            var contentLength = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            client.bodyLeft = contentLength.find() ? Long.parseLong(contentLength.group(1)) : -1;
            client.headDone = true;
            client.ended = client.bodyLeft == 0;
        }
    }

    private void chunked(Client client, char c) {
        if (client.chunkLeft > 0) {
            client.chunkLeft--;
            body(client, c);
            if (client.chunkLeft == 0) {
                client.chunkLeft = -2; // the CRLF after the chunk
            }
            return;
        }
        if (c == '\n') {
            String size = client.chunkLine.toString().strip();
            client.chunkLine.setLength(0);
            if (client.chunkLeft == -2) {
                client.chunkLeft = -1;
            } else if (!size.isEmpty()) {
                int semicolon = size.indexOf(';');
                client.chunkLeft = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
                client.ended = client.chunkLeft == 0; // the last chunk: the response is complete
            }
        } else if (c != '\r') {
            client.chunkLine.append(c);
        }
    }

    private void body(Client client, char c) {
        if (c == '\r') {
            return;
        }
        if (c != '\n') {
            client.line.append(c);
            return;
        }
        var line = client.line;
        if (line.isEmpty()) {
            if (!client.data.isEmpty()) {
                event(client);
            } else if (client.eventId != null) {
                // An id without data sets the last event id and dispatches nothing, as in a browser's EventSource
                client.lastEventId = Math.max(client.lastEventId, Long.parseLong(client.eventId));
            }
            client.eventId = null;
            client.eventType = "message";
            client.data.setLength(0);
        } else if (line.charAt(0) == ':') {
            if (!client.connected) {
                client.connected = true;
                client.connectedNanos = System.nanoTime();
                opened.add(client.connectedNanos);
                connectedCount++;
                pending--;
            }
        } else if (startsWith(line, "id:")) {
            client.eventId = line.substring(3).strip();
        } else if (startsWith(line, "event:")) {
            client.eventType = line.substring(6).strip();
        } else if (startsWith(line, "data:")) {
            client.data.append(line, 5, line.length());
        } else if (startsWith(line, "retry:")) {
            client.retryMillis = Long.parseLong(line.substring(6).strip());
        }
        line.setLength(0);
    }

    private void event(Client client) {
        long now = System.nanoTime();
        client.received++;
        eventsReceived++;
        receivedByType.merge(client.eventType, 1L, Long::sum);
        if (client.filter.page() != null) {
            boolean newIdea = "post".equals(client.eventType) && client.data.indexOf("\"parent\":null") >= 0;
            client.fetchesFor(client.eventType, newIdea, now, pageFetches);
        }
        if (client.eventId != null) {
            long id = Long.parseLong(client.eventId);
            if (id <= client.lastEventId) {
                client.outOfOrder++;
            }
            client.lastEventId = Math.max(client.lastEventId, id);
        }
        if ("post".equals(client.eventType)) {
            var matcher = POST.matcher(client.data);
            if (matcher.find()) {
                long post = Long.parseLong(matcher.group(1));
                if (!client.posts.add(post)) {
                    client.duplicates++;
                }
                receipts.add(new Receipt(client.index, post, now));
            }
        }
    }

    private static boolean startsWith(StringBuilder line, String prefix) {
        return line.length() >= prefix.length() && line.substring(0, prefix.length()).equals(prefix);
    }

    /** The connection ended or failed: come back after the retry delay, as EventSource does. */
    private void dropped(Client client) {
        if (client.connected) {
            client.connected = false;
            connectedCount--;
        } else {
            pending--;
        }
        failures++;
        dropped.add(System.nanoTime());
        closeQuietly(client);
        later.add(new long[] {System.nanoTime() + client.retryMillis * 1_000_000, client.index});
    }

    private static void closeQuietly(Client client) {
        if (client.channel != null) {
            try {
                client.channel.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
