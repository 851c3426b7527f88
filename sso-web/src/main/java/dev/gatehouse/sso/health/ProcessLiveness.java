package dev.gatehouse.sso.health;

import dev.gatehouse.sso.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live once the application has started; a database outage does not make it "dead" (restarting would not help). */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {
    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gatehouse").status(database != null).build();
    }
}
