package org.incrowd.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: what the API is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI incrowdOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Incrowd API").version("v1").description("""
                        Jams, forums, threads, posts and reactions, with the same rules as the pages. \
                        Authenticate with a personal API token (create one on your profile page) sent as \
                        'Authorization: Bearer <token>'. Errors are RFC 9457 problem details with a readable \
                        'detail', a 'code' and, for invalid input, the 'field' concerned."""))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
