package org.carrel.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and the authentication of the OpenAPI description at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI carrelApi() {
        return new OpenAPI()
                .info(new Info().title("Carrel API").version("v1")
                        .description("JSON under /api/v1. Errors are RFC 9457 problem documents. Public endpoints need "
                                + "nothing; the others take a signed-in session or an API token created by a district "
                                + "admin, sent as 'Authorization: Bearer TOKEN'."))
                .components(new Components().addSecuritySchemes("apiToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
