package dev.gatehouse.sso.health;

import dev.gatehouse.sso.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a database connection can be had and answers within two seconds; names the database product. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        if (database == null) {
            return HealthCheckResponse.down("database");
        }
        return HealthCheckResponse.named("database")
                .status(database.isReachable())
                .withData("product", database.productName())
                .build();
    }
}
