package dev.gatehouse.sso.health;

import dev.gatehouse.sso.application.Gatehouse;
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
    Gatehouse gatehouse;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gatehouse")
                .status(gatehouse.database() != null)
                .build();
    }
}
