package org.incrowd.live.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's buffers per connection, sized for a node holding thousands of open streams. Tomcat keeps an 8 KB read
 * and an 8 KB write buffer for every connection for as long as it is open; a stream reads one short request and
 * then writes events of a few hundred bytes, so with 10,000 streams most of those 160 MB held nothing. Smaller
 * buffers only mean more system calls for the rare large request (a long form) or response: Tomcat writes a
 * response larger than its buffer straight from the application's bytes.
 */
@Configuration(proxyBeanMethods = false)
class StreamConnections {

    @Bean
    TomcatConnectorCustomizer streamConnectionBuffers(
            @Value("${incrowd.live.socket-read-buffer:4096}") int readBuffer,
            @Value("${incrowd.live.socket-write-buffer:2048}") int writeBuffer) {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(readBuffer));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(writeBuffer));
        };
    }
}
