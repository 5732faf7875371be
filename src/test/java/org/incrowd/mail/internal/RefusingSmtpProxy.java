package org.incrowd.mail.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Stands in front of a real SMTP server (the tests' GreenMail) and passes everything through, except that it refuses
 * the recipients it is told to with a permanent "550 no such mailbox", as a real server does for an address that does
 * not exist. (GreenMail itself accepts every address.) One virtual thread per direction and connection.
 */
final class RefusingSmtpProxy implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("(?i)RCPT TO:\\s?<([^>]*)>.*");

    private final int targetPort;
    private final ServerSocket server;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    RefusingSmtpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** From now on, {@code address} is refused for good. */
    void refuse(String address) {
        refused.add(address.toLowerCase());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                OutputStream toClient = client.getOutputStream();
                OutputStream toTarget = target.getOutputStream();
                Thread.ofVirtual().start(() -> copy(target, toClient, client));
                Thread.ofVirtual().start(() -> commands(client, toTarget, toClient, target));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void copy(Socket from, OutputStream to, Socket other) {
        try (from; other) {
            InputStream in = from.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException ended) {
            // either side hung up
        }
    }

    private void commands(Socket client, OutputStream toTarget, OutputStream toClient, Socket target) {
        try (client; target) {
            var in = new BufferedInputStream(client.getInputStream());
            boolean data = false;
            for (byte[] line; (line = readLine(in)) != null; ) {
                String text = new String(line, StandardCharsets.ISO_8859_1).strip();
                var rcpt = RCPT.matcher(text);
                if (!data && rcpt.matches() && refused.contains(rcpt.group(1).toLowerCase())) {
                    synchronized (toClient) {
                        toClient.write(("550 5.1.1 <" + rcpt.group(1) + ">: no such mailbox\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                    continue;
                }
                if (!data && text.equalsIgnoreCase("DATA")) {
                    data = true;
                } else if (data && text.equals(".")) {
                    data = false;
                }
                toTarget.write(line);
                toTarget.flush();
            }
        } catch (IOException ended) {
            // either side hung up
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) >= 0; ) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
