package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, with a cheap first test. A path with variables ({@code /threads/42}) has no direct
 * match, so Spring checks every one of the application's several hundred mappings against the request: its method,
 * parameters, headers and media types, then its patterns. That scan was the costliest single method of the request
 * threads in the reconnect storm's and the thread page's profiles (ADR 51). Here a mapping is first asked whether the
 * path starts with the literal beginning of one of its patterns ({@code /threads/} of {@code /threads/{id}}); only
 * those that may match get Spring's full test. The answer is Spring's: a mapping is skipped only when none of its
 * patterns can match the path, and errors for near misses (405, 415) are still worked out by Spring over all mappings.
 */
final class PrefixFilteredHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the lookup under way on this thread: asked once per request instead of once per mapping. */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    /** Per mapping, the literal beginnings of its patterns; a mapping absent here always gets the full test. */
    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        var literal = literalPrefixes(mapping);
        if (literal != null) {
            prefixes.put(mapping, literal);
        }
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        LOOKUP_PATH.set(lookupPath);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        String[] literal = path == null ? null : prefixes.get(info);
        if (literal != null && comparable(path) && !startsWithAny(path, literal)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * The literal beginning of each of the mapping's patterns, up to the first variable or wildcard; null when a
     * pattern has none to test (it may match any path) or the mapping has no parsed patterns.
     */
    static String[] literalPrefixes(RequestMappingInfo mapping) {
        var condition = mapping.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return null;
        }
        var result = new String[condition.getPatterns().size()];
        int i = 0;
        for (PathPattern pattern : condition.getPatterns()) {
            String text = pattern.getPatternString();
            int end = 0;
            while (end < text.length() && "{*?".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end <= 1) {
                return null; // "/{x}", "/**", "": nothing literal to test
            }
            result[i++] = text.substring(0, end);
        }
        return result;
    }

    /**
     * Whether the raw path compares with the patterns' text as it stands. Patterns match the decoded path with matrix
     * parameters removed, so a path with an escape or a {@code ;} might match a pattern it does not literally start
     * with: such a path gets Spring's full test.
     */
    static boolean comparable(String path) {
        return path.indexOf('%') < 0 && path.indexOf(';') < 0;
    }

    private static boolean startsWithAny(String path, String[] literal) {
        for (String prefix : literal) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Puts this mapping in the place of Spring Boot's own. */
    @Component
    static class Registration implements WebMvcRegistrations {

        @Override
        public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
            return new PrefixFilteredHandlerMapping();
        }
    }
}
