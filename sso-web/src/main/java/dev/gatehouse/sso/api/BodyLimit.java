package dev.gatehouse.sso.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A larger JSON body limit for one request parameter than the default {@value JsonBodyReader#MAX_BYTES} bytes, for the
 * bodies that carry documents (uploaded federation metadata).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface BodyLimit {
    int bytes();
}
