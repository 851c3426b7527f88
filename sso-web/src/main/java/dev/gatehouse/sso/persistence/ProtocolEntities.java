package dev.gatehouse.sso.persistence;

import java.util.List;

/**
 * The entities a sign-in protocol keeps in the application's persistence unit, beside the modules' own; their tables
 * come by migration like every module's. Implementations are listed in {@code META-INF/services} and found by {@link
 * java.util.ServiceLoader}, so that the database opens before any bean exists and without naming a protocol.
 */
public interface ProtocolEntities {
    List<Class<?>> entities();
}
