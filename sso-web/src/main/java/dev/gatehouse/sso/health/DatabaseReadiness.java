package dev.gatehouse.sso.health;

import dev.gatehouse.sso.application.PlatformFeature;
import dev.gatehouse.sso.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Gatehouse has started and a database connection can be had and answers within two seconds; names the
 * database product. While the application is still deploying the check answers "down, starting" and starts nothing:
 * the server runs health checks before the application has loaded, and the database must be opened by the
 * application's own start, with its class loader ready.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Inject
    PlatformFeature platform;

    @Override
    public HealthCheckResponse call() {
        Optional<Database> database = platform.startedDatabase();
        if (database.isEmpty()) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("state", "starting")
                    .build();
        }
        return HealthCheckResponse.named("database")
                .status(database.get().isReachable())
                .withData("product", database.get().productName())
                .build();
    }
}
