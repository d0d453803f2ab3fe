package org.carrel.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permissions that reach an endpoint (any one of them suffices). On a controller method, or on the controller
 * for all its methods; a method's annotation wins. An endpoint with neither this nor {@link PublicEndpoint} is
 * refused to everybody, and the permission-table test fails the build.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Allowed {
    Permission[] value();
}
