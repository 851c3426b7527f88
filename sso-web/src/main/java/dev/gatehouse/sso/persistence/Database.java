package dev.gatehouse.sso.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.identity.persistence.IdentityPersistence;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.config.SettingsException;
import dev.gatehouse.storage.persistence.JpaStoragePolicyRepository;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;

/**
 * The connection pool, the schema and the entity manager factory. {@link #open} migrates the schema with Flyway
 * first and then builds Hibernate in {@code validate} mode, so a schema that does not match the entities stops the
 * start instead of failing on first use.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    /** The entity classes of the modules and of the sign-in protocols ({@link ProtocolEntities}). */
    public static final List<Class<?>> ENTITIES = Stream.concat(
                    Stream.of(IdentityPersistence.ENTITIES, JpaStoragePolicyRepository.ENTITIES),
                    ServiceLoader.load(ProtocolEntities.class, Database.class.getClassLoader()).stream()
                            .map(provider -> provider.get().entities()))
            .flatMap(List::stream)
            .toList();

    /** The migrations of every module: one version sequence, each version in exactly one module. */
    static final String[] MIGRATIONS = {IdentityPersistence.MIGRATIONS, JpaStoragePolicyRepository.MIGRATIONS};

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final String productName;

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.productName = readProductName(dataSource);
    }

    /** The database of the settings, migrated, with every module's entities ({@link #ENTITIES}). */
    public static Database open(GatehouseSettings settings) {
        HikariDataSource dataSource = pool(settings);
        try {
            int applied = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            LOG.info(() -> "Database " + describe(settings) + " ready; " + applied + " migration(s) applied");
            return new Database(dataSource, hibernate(dataSource, ENTITIES));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource pool(GatehouseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse");
        config.setJdbcUrl(settings.dbUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword().value());
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setConnectionTimeout(settings.dbConnectTimeoutMillis());
        config.setValidationTimeout(Math.min(settings.dbConnectTimeoutMillis(), 2000));
        config.setAutoCommit(false);
        config.setDriverClassName(settings.dbUrl().startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
        if (settings.dbUrl().startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("connectTimeout", Math.max(1, settings.dbConnectTimeoutMillis() / 1000));
            config.addDataSourceProperty("socketTimeout", 60);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SettingsException("gatehouse.db.url: cannot connect to " + describe(settings) + " as '"
                    + settings.dbUser() + "' (" + rootMessage(e) + "); check the URL, user, password and that the"
                    + " database is running");
        }
    }

    private static EntityManagerFactory hibernate(DataSource dataSource, List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.TRANSACTION_COORDINATOR_STRATEGY, "jdbc")
                .applySetting(
                        AvailableSettings.JTA_PLATFORM,
                        "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform")
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                // no runtime bytecode (Byte Buddy proxies and accessors): the entities are final and have no
                // associations to load lazily, so Hibernate reads and writes their fields by reflection; this keeps
                // about a thousand classes and one generated class per entity out of every start
                .addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl())
                .build();
        MetadataSources sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        try {
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** Whether a connection can be had and answers within two seconds. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The database product, such as {@code H2} or {@code PostgreSQL}, as its driver named it at start. */
    public String productName() {
        return productName;
    }

    private static String readProductName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        dataSource.close();
    }

    private static String describe(GatehouseSettings settings) {
        String url = settings.dbUrl();
        int options = url.indexOf(';');
        int query = url.indexOf('?');
        int cut = options >= 0 ? options : query >= 0 ? query : url.length();
        return url.substring(0, cut);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
