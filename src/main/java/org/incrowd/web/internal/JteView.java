package org.incrowd.web.internal;

import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.View;

/**
 * Renders one template with the model as its parameters (parameters are matched by name).
 *
 * <p>The page goes to the response in one write: a template writes hundreds of small strings, and each write to the
 * servlet stream passes through the session's and the security's response wrappers (which check the buffer size on
 * every write), a tenth of a thread page's time (ADR 51). The page is gathered in a {@link PageBuffer}, encoded to
 * UTF-8 as it comes; a page gathered in one string would be encoded character by character by the JDK as soon as it
 * held a single character beyond Latin-1 (a curly quote).
 */
record JteView(TemplateEngine engine, String template) implements View {

    @Override
    public String getContentType() {
        return "text/html;charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        @SuppressWarnings("unchecked")
        var parameters = model == null ? Map.<String, Object>of() : (Map<String, Object>) model;
        var page = PageBuffer.take();
        try {
            engine.render(template, parameters, page);
            response.setContentType(getContentType());
            // Room for the whole page, and no Content-Length of ours: the response is committed once, as the request
            // ends (the container then sets the length). Committed while written (body complete, or buffer full), it
            // made Spring Session save the session then and read it again from the database when the request ended.
            response.setBufferSize(Math.max(response.getBufferSize(), page.length() + 1));
            page.writeTo(response.getOutputStream());
        } finally {
            page.release();
        }
    }
}
