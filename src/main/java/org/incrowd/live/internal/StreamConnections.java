package org.incrowd.live.internal;

import org.eclipse.jetty.server.ServerConnector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's connections, sized for a node holding thousands of open streams (ADR 0050). Jetty lends a connection a
 * buffer from a shared pool only while it reads or writes, so an idle stream holds none; what is left to set is the
 * listening socket's queue: a node that restarts is reconnected to by all its streams at once, and the kernel must
 * hold them until they are accepted rather than refuse them (the JDK's default queue is 50).
 */
@Configuration(proxyBeanMethods = false)
class StreamConnections {

    @Bean
    JettyServerCustomizer streamAcceptQueue(@Value("${incrowd.live.accept-queue:1000}") int acceptQueue) {
        return server -> {
            for (var connector : server.getConnectors()) {
                if (connector instanceof ServerConnector listening) {
                    listening.setAcceptQueueSize(acceptQueue);
                }
            }
        };
    }
}
