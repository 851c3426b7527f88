package dev.gatehouse.sso.persistence;

import java.util.List;

/**
 * A feature of the web module (a sign-in protocol) that keeps entities of its own in the application's persistence
 * unit; its tables come by migration like every module's.
 */
public interface PersistentFeature {
    List<Class<?>> entities();
}
