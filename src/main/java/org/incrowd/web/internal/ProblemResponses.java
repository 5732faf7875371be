package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem written by a filter, outside Spring MVC, in the same shape as {@link ErrorHandling}'s (whose
 * ProblemDetail Spring writes flat): the detail in the reader's language, the message key as {@code code}, and the
 * field it concerns where there is one.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, MessageSource messages,
                      HttpStatus status, String key, String field, Object... arguments) throws IOException {
        String detail = messages.getMessage(key, arguments, key, request.getLocale());
        var problem = new LinkedHashMap<String, Object>();
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("status", status.value());
        problem.put("title", status.getReasonPhrase());
        problem.put("code", key);
        if (field != null) {
            problem.put("field", field);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
