package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request's {@code Host} header is the client's to choose: it must never end up in a {@code Location} header, or
 * a link with {@code Host: evil.example} would send people there. Asked of the real server (the server writes the
 * redirects), over a plain socket, because Java's HTTP client does not let a program set {@code Host}.
 */
@IncrowdBrowserTest
class HostHeaderTests {

    @LocalServerPort
    int port;

    private String headOf(String method, String path) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
                    + "Connection: close\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n\r\n"));
        }
    }

    private static String location(String head) {
        return head.lines().filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                .map(line -> line.substring(9).strip()).findFirst().orElseThrow();
    }

    @Test
    void redirectsNeverNameTheHostTheClientSent() throws IOException {
        var toSignIn = headOf("GET", "/profile");
        assertThat(toSignIn).startsWith("HTTP/1.1 302");
        assertThat(location(toSignIn)).isEqualTo("/signin");

        var fromController = headOf("GET", "/kept");
        assertThat(fromController).startsWith("HTTP/1.1 302");
        assertThat(location(fromController)).isEqualTo("/");

        var signOut = headOf("GET", "/jams");
        assertThat(signOut).doesNotContain("evil.example");
    }
}
