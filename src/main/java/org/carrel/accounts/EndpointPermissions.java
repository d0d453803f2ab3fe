package org.carrel.accounts;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides every request from the annotations of the controller method that will answer it: {@link PublicEndpoint}
 * lets anyone in, {@link Allowed} lets in those holding one of its permissions, and a method with neither is closed
 * to everybody (fail closed). A request no controller answers is let through to get its 404 or 405.
 */
class EndpointPermissions implements AuthorizationManager<RequestAuthorizationContext> {

    /** What a handler method declares. */
    sealed interface Declared {
        record Public() implements Declared {
        }

        record Permissions(Set<Permission> anyOf) implements Declared {
        }

        record Nothing() implements Declared {
        }
    }

    private final ObjectProvider<RequestMappingHandlerMapping> mapping;

    EndpointPermissions(ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Optional<HandlerMethod> handler;
        try {
            handler = handlerOf(context.getRequest());
        } catch (ServletException mismatch) {
            // 405, 406 and the like: Spring MVC answers them itself. Any other failure propagates: fail closed.
            return new AuthorizationDecision(true);
        }
        if (handler.isEmpty()) {
            return new AuthorizationDecision(true);
        }
        Declared declared = declaredBy(handler.get());
        boolean granted = declared instanceof Declared.Public
                || declared instanceof Declared.Permissions p && holdsAny(authentication.get(), p.anyOf());
        return new AuthorizationDecision(granted);
    }

    /** What a controller method declares: its own annotation, else its class's. */
    static Declared declaredBy(HandlerMethod handler) {
        if (handler.hasMethodAnnotation(PublicEndpoint.class)) {
            return new Declared.Public();
        }
        Allowed allowed = handler.getMethodAnnotation(Allowed.class);
        if (allowed == null) {
            if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class)) {
                return new Declared.Public();
            }
            allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
        }
        return allowed == null ? new Declared.Nothing()
                : new Declared.Permissions(Set.copyOf(Arrays.asList(allowed.value())));
    }

    private static boolean holdsAny(Authentication authentication, Set<Permission> permissions) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return permissions.stream().anyMatch(p -> held.contains(p.name()));
    }

    private Optional<HandlerMethod> handlerOf(HttpServletRequest request) throws ServletException {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            if (previous == null) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            HandlerExecutionChain chain = mapping.getObject().getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method ? Optional.of(method)
                    : Optional.empty();
        } catch (ServletException mismatch) {
            throw mismatch;
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the handler of " + request.getRequestURI(), e);
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, (RequestPath) previous);
            }
        }
    }
}
