package org.incrowd.web.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.View;

/** Renders one template with the model as its parameters (parameters are matched by name). */
record JteView(TemplateEngine engine, String template) implements View {

    @Override
    public String getContentType() {
        return "text/html;charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        var output = new Utf8ByteOutput();
        @SuppressWarnings("unchecked")
        var parameters = model == null ? Map.<String, Object>of() : (Map<String, Object>) model;
        engine.render(template, parameters, output);
        response.setContentType(getContentType());
        response.setContentLength(output.getContentLength());
        output.writeTo(response.getOutputStream());
    }
}
