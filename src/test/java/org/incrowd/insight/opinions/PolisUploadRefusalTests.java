package org.incrowd.insight.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Someone who may not import is answered while their upload is still on its way: the server reads the request's
 * head and the first bytes of its body, never the 60 MB behind them. Before, it read (and spooled to disk) the whole
 * body to find the CSRF token or to hand the files to the controller, and only then said no. Each upload here sends
 * 64 KB of a declared 60 MB and waits for the answer; a server that waited for the rest would never give one.
 */
@IncrowdBrowserTest
class PolisUploadRefusalTests {

    static final long DECLARED_BYTES = 60L << 20;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Forum forum;

    @BeforeEach
    void forum() {
        fixtures = Fixtures.of(context);
        forum = fixtures.forum(fixtures.liveJam("Uploads " + System.nanoTime()), "Imports");
    }

    @Test
    void aGuestsUploadIsSentToSignInBeforeItsBodyIsRead() throws IOException {
        var answer = answerWhileSending(null);

        assertThat(answer.statusLine()).startsWith("HTTP/1.1 302");
        assertThat(answer.head()).containsIgnoringCase("Location: /signin");
    }

    @Test
    void aParticipantsUploadIsRefusedBeforeItsBodyIsRead() throws IOException {
        var participant = fixtures.person("Curious uploader", Role.PARTICIPANT);

        var answer = answerWhileSending(fixtures.token(participant));

        assertThat(answer.statusLine()).startsWith("HTTP/1.1 403");
        assertThat(answer.body()).contains("You are not allowed to do this.");
    }

    record Answer(String statusLine, String head, String body) {
    }

    /** Sends the head of a 60 MB upload and 64 KB of its body, then reads the answer (the rest is never sent). */
    private Answer answerWhileSending(String token) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000); // a server waiting for the rest of the body would never answer
            String boundary = "----incrowd-upload";
            String head = "POST /forums/" + forum.id() + "/import/polis HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Accept: text/html\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + DECLARED_BYTES + "\r\n\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"comments\"; filename=\"comments.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            var headers = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.append(line).append('\n');
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            char[] body = new char[length]; // the refusals are ASCII: one character a byte
            int read = 0;
            while (read < length) {
                read += in.read(body, read, length - read);
            }
            return new Answer(statusLine, headers.toString(), new String(body));
        }
    }
}
