package org.incrowd.live.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A stream's bytes written to the container's own output, underneath the filters' response wrappers: their work
 * (the session cookie, the protective headers) is done when the response is committed, before the first event. A
 * {@link ByteBuffer} write goes straight to the socket, without the container's aggregation buffer, in the calling
 * thread when the socket takes it at once.
 */
final class ServletStreamOutput implements StreamOutput {

    private final AsyncContext async;
    private final ServletResponse response;
    /** Taken with the first write: by then the filters' wrappers have committed the response. */
    private ServletOutputStream out;

    ServletStreamOutput(AsyncContext async, ServletResponse response) {
        this.async = async;
        this.response = underneathWrappers(response);
    }

    private static ServletResponse underneathWrappers(ServletResponse response) {
        while (response instanceof ServletResponseWrapper wrapper) {
            response = wrapper.getResponse();
        }
        return response;
    }

    @Override
    public boolean write(byte[] bytes) throws IOException {
        var stream = out();
        stream.write(ByteBuffer.wrap(bytes));
        return stream.isReady();
    }

    private ServletOutputStream out() throws IOException {
        if (out == null) {
            out = response.getOutputStream();
        }
        return out;
    }

    @Override
    public void end() {
        async.complete();
    }

    /**
     * From here on writes do not wait: the container calls {@link Subscriber#writable()} now and whenever a write
     * that could not go out at once has gone. A write that fails ends the stream.
     */
    void writeWithoutWaiting(Subscriber subscriber) throws IOException {
        out().setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                subscriber.writable();
            }

            @Override
            public void onError(Throwable failure) {
                subscriber.close();
            }
        });
    }

    /**
     * What ends the stream besides its own close: its lifetime running out, or the connection failing. {@code ended}
     * runs once the response has ended, however it ended.
     */
    void onEnd(Subscriber subscriber, Runnable ended) {
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                ended.run();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                subscriber.close();
            }

            @Override
            public void onError(AsyncEvent event) {
                subscriber.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // a stream's request is made asynchronous once
            }
        });
    }
}
