package org.incrowd.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than anything a person can legitimately send (a post is at most 10,000 characters),
 * before they are read, so an oversized body costs neither memory nor a database round trip. File uploads (imports of
 * whole conversations) are the one exception: paths with an {@code /import/} segment accept a larger limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxUploadBytes;

    RequestSizeLimit(@Value("${incrowd.max-request-bytes:65536}") long maxBytes,
                     @Value("${incrowd.max-upload-bytes:67108864}") long maxUploadBytes) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long maxBytes = request.getRequestURI().contains("/import/") ? maxUploadBytes : this.maxBytes;
        if (length > maxBytes || (length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The request is too large: at most " + maxBytes + " bytes are accepted.");
            return;
        }
        chain.doFilter(request, response);
    }
}
