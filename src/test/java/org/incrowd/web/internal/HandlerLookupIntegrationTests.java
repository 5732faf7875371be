package org.incrowd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The handler lookup's first test ({@link PrefixFilteredHandlerMapping}) never turns away a request that one of the
 * application's own mappings matches, so every page and API call reaches the controller it reached before.
 */
@IncrowdTest
class HandlerLookupIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyPathThatAMappingMatchesPassesThatMappingsFirstTest() {
        assertThat(mapping).isInstanceOf(PrefixFilteredHandlerMapping.class);
        var infos = mapping.getHandlerMethods().keySet();
        var paths = new ArrayList<String>();
        for (var info : infos) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                paths.add(concrete(pattern.getPatternString()));
            }
        }
        assertThat(infos).hasSizeGreaterThan(200);
        int filtered = 0;
        int checked = 0;
        for (var info : infos) {
            String[] prefixes = PrefixFilteredHandlerMapping.literalPrefixes(info);
            if (prefixes == null) {
                continue;
            }
            filtered++;
            for (String path : paths) {
                boolean matches = info.getPathPatternsCondition().getPatterns().stream()
                        .anyMatch(pattern -> pattern.matches(PathContainer.parsePath(path)));
                if (matches) {
                    checked++;
                    assertThat(List.of(prefixes)).as("%s for %s", info, path).anyMatch(path::startsWith);
                }
            }
        }
        // Nearly every mapping has a literal beginning, so the first test spares the full one on most of them.
        assertThat(filtered).isGreaterThan(infos.size() * 9 / 10);
        assertThat(checked).isGreaterThanOrEqualTo(filtered);
    }

    /** A path the pattern matches: each variable and wildcard filled with "1". */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "1").replaceAll("\\{[^}]*}", "1").replace("**", "1")
                .replace("*", "1").replace("?", "1");
    }
}
