package org.carrel.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sign-in, sessions, CSRF, security headers and the per-endpoint permission check. Pages sign in with a form and
 * a session; the API also takes {@code Authorization: Bearer TOKEN}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere, nothing from another origin, no framing. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder passwords, LoginThrottle throttle,
                                                AuditLog audit) {
        return new ProviderManager(new SignInProvider(accounts, passwords, throttle, audit));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens,
                                            @Qualifier("requestMappingHandlerMapping")
                                            ObjectProvider<RequestMappingHandlerMapping> mapping) throws Exception {
        PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http
                .addFilterAfter(new ApiTokenFilter(tokens), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Permission.METRICS_VIEW.name())
                        .anyRequest().access(new EndpointPermissions(mapping)))
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                request.getContextPath() + "/login?" + reason(failure))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearer,
                        SecurityConfiguration::apiCallWithoutSession))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                                    + "\"status\":401,\"detail\":\"Sign in or send an API token.\"}");
                        }, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * An API call that sends no session cookie has nothing a forged request could ride on, so it needs no CSRF
     * token; without one it would get a CSRF 403 instead of the 401 that tells a script to send its token.
     */
    static boolean apiCallWithoutSession(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && request.getRequestedSessionId() == null;
    }

    private static String reason(Exception failure) {
        if (failure instanceof SignInProvider.Throttled) {
            return "throttled";
        }
        return failure instanceof DisabledException ? "disabled" : "error";
    }
}
