package org.incrowd.mail.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server Incrowd starts when none is configured, so that {@code ./incrowd run} shows the whole flow: every
 * message stays in memory and administrators read it at {@code /admin/mail}. It listens on the loopback address only.
 * Not for production: it delivers nothing to anyone and forgets everything on restart.
 */
public class EmbeddedMailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private static final String SINK = "received@incrowd.invalid";

    private final GreenMail server;

    EmbeddedMailServer(int preferredPort) {
        int port = preferredPort > 0 && free(preferredPort) ? preferredPort : 0;
        var setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        // Every message goes into one mailbox, in arrival order. (GreenMail's own way, a mailbox per recipient, takes
        // longer with each new recipient: an invitation to 150,000 people would crawl.)
        var everyone = server.setUser(SINK, SINK, java.util.UUID.randomUUID().toString());
        server.getUserManager().setMessageDeliveryHandler((message, recipient) -> everyone);
        log.info("No SMTP server configured (incrowd.mail.host): mail goes to the embedded one on 127.0.0.1:{};"
                + " administrators read it at /admin/mail", port());
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every message received so far, oldest first (the position is the message's number on the admin page). */
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    @Override
    public void close() {
        server.stop();
    }

    private static boolean free(int port) {
        try (var probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
