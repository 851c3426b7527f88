package dev.gatehouse.sso.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.config.SettingsException;
import dev.gatehouse.sso.persistence.Database;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DatabaseStartTest {
    private static GatehouseSettings settings() {
        return GatehouseSettings.read(key -> Optional.ofNullable(
                Map.of("gatehouse.db.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        .get(key)));
    }

    @Test
    void opensOnceOnItsOwnThreadAndHandsTheDatabaseToTheStart() {
        AtomicInteger opened = new AtomicInteger();
        String[] thread = new String[1];
        DatabaseStart start = new DatabaseStart(() -> {
            opened.incrementAndGet();
            thread[0] = Thread.currentThread().getName();
            GatehouseSettings settings = settings();
            return new DatabaseStart.Opened(settings, Database.open(settings));
        });

        start.begin(null);
        start.begin(null);
        DatabaseStart.Opened result = start.take();

        assertThat(opened).hasValue(1);
        assertThat(thread[0]).isEqualTo("gatehouse-database-start");
        assertThat(result.database().isReachable()).isTrue();
        start.stop(null);
        assertThat(result.database().isReachable())
                .as("a database the start took is the start's to close")
                .isTrue();
        result.database().close();
    }

    @Test
    void aFailureOfTheStartIsThrownByTakeAsItWasThrown() {
        SettingsException failure = new SettingsException("gatehouse.db.url: cannot connect; check the URL");
        DatabaseStart start = new DatabaseStart(() -> {
            throw failure;
        });

        start.begin(null);

        assertThatThrownBy(start::take).isSameAs(failure);
    }

    @Test
    void aDatabaseNobodyTookIsClosedAtShutdownEvenIfStillOpening() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Database> database = new AtomicReference<>();
        DatabaseStart start = new DatabaseStart(() -> {
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            GatehouseSettings settings = settings();
            database.set(Database.open(settings));
            return new DatabaseStart.Opened(settings, database.get());
        });

        start.begin(null);
        start.stop(null);
        release.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((database.get() == null || database.get().isReachable()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(database.get()).isNotNull();
        assertThat(database.get().isReachable()).isFalse();
    }
}
