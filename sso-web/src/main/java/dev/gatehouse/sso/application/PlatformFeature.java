package dev.gatehouse.sso.application;

import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.persistence.Database;
import dev.gatehouse.sso.persistence.Transactions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * What every feature stands on: the settings (read once from MicroProfile Config and checked, see {@link
 * GatehouseSettings}), the database with every module's migrations and entities, and the unit of work
 * ({@link Transactions}). Produces {@link GatehouseSettings}, {@link Database} and {@link Transactions}. The settings
 * and the database are opened by {@link DatabaseStart} while the container deploys the rest of the application.
 */
@ApplicationScoped
public class PlatformFeature {
    @Inject
    DatabaseStart databaseStart;

    private GatehouseSettings settings;
    private Database database;
    private Transactions transactions;
    private DatabaseProbe databaseProbe;

    synchronized PlatformFeature started() {
        if (database == null) {
            DatabaseStart.Opened opened = databaseStart.take();
            settings = opened.settings();
            database = opened.database();
            transactions = new Transactions(database);
            databaseProbe = new DatabaseProbe(database);
        }
        return this;
    }

    @Produces
    public GatehouseSettings settings() {
        return started().settings;
    }

    @Produces
    public Database database() {
        return started().database;
    }

    @Produces
    public Transactions transactions() {
        return started().transactions;
    }

    /**
     * A guarded HTTP client for requests to identity providers and Graph, with the {@code gatehouse.outbound.*}
     * settings.
     *
     * @param concurrent how many of its requests may run at a time
     * @param maxBytes the largest answer it accepts
     */
    public dev.gatehouse.sso.outbound.OutboundHttp outboundHttp(int concurrent, int maxBytes) {
        GatehouseSettings.Outbound outbound = settings().outbound();
        return new dev.gatehouse.sso.outbound.OutboundHttp(
                outbound.connectTimeoutMillis(),
                outbound.deadlineMillis(),
                dev.gatehouse.sso.outbound.OutboundHttp.addresses(outbound.allowInternalHosts()),
                concurrent,
                maxBytes);
    }

    /** The database once Gatehouse's start has opened it; empty before (this call starts nothing). */
    public synchronized java.util.Optional<Database> startedDatabase() {
        return java.util.Optional.ofNullable(database);
    }

    /** Whether the database answered its last probe (once a second). */
    public boolean databaseUp() {
        return started().databaseProbe.isUp();
    }

    @PreDestroy
    synchronized void stop() {
        if (databaseProbe != null) {
            databaseProbe.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
