package floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the application's start is done. */
@Readiness
@ApplicationScoped
public class StartReadiness implements HealthCheck {
    @Inject
    Start start;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("start").status(start.done()).build();
    }
}
