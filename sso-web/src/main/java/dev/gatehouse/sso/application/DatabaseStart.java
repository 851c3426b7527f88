package dev.gatehouse.sso.application;

import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.persistence.Database;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the settings and opens the database (pool, migrations, Hibernate) on a thread of its own as soon as the
 * container begins the application's CDI deployment, instead of after it: the server's deployment (bean discovery
 * and validation, the web container, JAX-RS) runs on one thread, and the database's start (a few seconds on a cold
 * JVM, mostly Hibernate's metamodel) needs nothing of it. {@link PlatformFeature} takes the result when Gatehouse
 * starts; a failure (a bad setting, an unreachable database) is thrown there, unchanged, and stops the deployment as
 * before. A database nobody took (the deployment failed elsewhere) is closed when the container shuts down.
 *
 * <p>A portable extension (registered in {@code META-INF/services}), so it works the same on every Jakarta EE server.
 */
public class DatabaseStart implements Extension {
    private static final Logger LOG = Logger.getLogger(DatabaseStart.class.getName());

    private final Supplier<Opened> opener;
    private CompletableFuture<Opened> opening;
    private boolean taken;

    /** The extension as the container creates it: opens the database of the application's settings. */
    public DatabaseStart() {
        this(DatabaseStart::open);
    }

    /** @param opener what the start thread runs (the tests' seam) */
    DatabaseStart(Supplier<Opened> opener) {
        this.opener = opener;
    }

    /** The settings and the database they name. */
    record Opened(GatehouseSettings settings, Database database) {}

    void begin(@Observes BeforeBeanDiscovery ignored) {
        start();
    }

    /** Starts opening the database, unless already started. */
    synchronized void start() {
        if (opening == null) {
            opening = new CompletableFuture<>();
            // the application's class loader: MicroProfile Config finds the application's own properties by it
            ClassLoader application = DatabaseStart.class.getClassLoader();
            Thread thread = new Thread(
                    () -> {
                        Thread.currentThread().setContextClassLoader(application);
                        try {
                            opening.complete(opener.get());
                        } catch (RuntimeException | Error e) {
                            opening.completeExceptionally(e);
                        }
                    },
                    "gatehouse-database-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static Opened open() {
        Config config = ConfigProvider.getConfig();
        GatehouseSettings settings = GatehouseSettings.read(key -> config.getOptionalValue(key, String.class));
        LOG.info(() -> "Starting Gatehouse with " + settings);
        return new Opened(settings, Database.open(settings));
    }

    /**
     * The settings and the open database, waiting for the start to finish (starting it here if the container never
     * called {@link #begin}); rethrows the start's failure as it was thrown.
     */
    synchronized Opened take() {
        start();
        taken = true;
        return await(opening::join);
    }

    private static Opened await(Supplier<Opened> join) {
        try {
            return join.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    void stop(@Observes BeforeShutdown ignored) {
        CompletableFuture<Opened> untaken;
        synchronized (this) {
            untaken = taken ? null : opening;
        }
        if (untaken != null) {
            untaken.thenAccept(opened -> opened.database().close());
        }
    }
}
