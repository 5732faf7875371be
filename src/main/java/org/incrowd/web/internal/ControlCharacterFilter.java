package org.incrowd.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.incrowd.shared.ControlCharacters;
import org.incrowd.shared.ErrorPage;
import org.incrowd.shared.KeptForm;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Refuses control characters (see {@link ControlCharacters}) in every query parameter, form field and JSON string at
 * the door, naming the field, so that no module has to remember them and none fails on them later (PostgreSQL
 * refuses NUL with an exception). The API answers 422 with a problem; a page's form is kept without those characters,
 * for the person to check and send again; anything else gets the error page.
 *
 * <p>It runs after Spring Security (order 0 comes after its -100), so only requests that passed the CSRF check and
 * sign-in reach it.
 */
@Component
@Order(0)
class ControlCharacterFilter extends OncePerRequestFilter {

    static final String MESSAGE_KEY = "error.controlCharacter";
    private static final JsonFactory JSON = new JsonFactory();

    private final MessageSource messages;

    ControlCharacterFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = fieldWithControlCharacter(request.getParameterMap());
        if (field == null && isJson(request)) {
            byte[] body = request.getInputStream().readAllBytes();
            field = jsonFieldWithControlCharacter(body);
            request = new ReadAgain(request, body);
        }
        if (field == null) {
            chain.doFilter(request, response);
        } else {
            refuse(request, response, field);
        }
    }

    private static String fieldWithControlCharacter(Map<String, String[]> parameters) {
        for (var parameter : parameters.entrySet()) {
            if (ControlCharacters.anyIn(parameter.getKey())) {
                return ControlCharacters.remove(parameter.getKey());
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.anyIn(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith(MediaType.APPLICATION_JSON_VALUE) || type.contains("+json"));
    }

    /** The property whose name or string value holds a control character; malformed JSON is the converter's to refuse. */
    private static String jsonFieldWithControlCharacter(byte[] body) {
        try (var parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)
                        && ControlCharacters.anyIn(parser.getString())) {
                    String name = parser.currentName();
                    return name == null ? "body" : ControlCharacters.remove(name);
                }
            }
        } catch (JacksonException malformed) {
            return null;
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            // 422 like every other value the API does not accept, with the field named.
            ProblemResponses.write(request, response, messages, HttpStatus.UNPROCESSABLE_CONTENT, MESSAGE_KEY, field,
                    field);
        } else if (KeptForm.canKeep(request)) {
            KeptForm.keep(request, "kept.controlCharacter", field, ControlCharacters::remove);
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + KeptForm.PATH);
        } else {
            ErrorPage.show(request, response, HttpStatus.BAD_REQUEST.value(), MESSAGE_KEY, field);
        }
    }

    /** The request with its body, already read here, readable once more for the controller. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
