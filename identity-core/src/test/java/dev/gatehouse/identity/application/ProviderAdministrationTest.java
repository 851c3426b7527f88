package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.port.ProviderProtocols;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider's protocol checks (which may fetch over the network) run before the saving unit of work opens. */
class ProviderAdministrationTest {
    final ServicesFixture f = new ServicesFixture();
    final List<String> steps = new ArrayList<>();

    record TestSettings(boolean fetchFails) implements ProviderSettings {
        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void check(Checks checks) {}
    }

    final ProviderProtocols protocols = new ProviderProtocols() {
        @Override
        public Collection<ProviderSettingsFormat> formats() {
            return List.of();
        }

        @Override
        public Runnable prepareSave(Provider provider) {
            steps.add("fetch in unit of work: " + (f.store.openUnitsOfWork > 0));
            if (((TestSettings) provider.settings()).fetchFails()) {
                throw ValidationException.of("settings.metadataUrl", "no acceptable metadata");
            }
            return () -> steps.add("store in unit of work: " + (f.store.openUnitsOfWork > 0));
        }
    };

    final ProviderAdministration administration = new ProviderAdministration(
            new AdminChanges(f.store, site -> {}, f.store, f.clock), f.store, protocols, f.store, f.clock);

    Provider provider(boolean fetchFails) {
        return new Provider(
                ProviderId.random(), f.site.id(), "Test", true, new TestSettings(fetchFails), Instant.EPOCH);
    }

    @Test
    void theFetchRunsOutsideTheUnitOfWorkAndTheStoreInsideIt() {
        Provider saved = administration.create(f.site, provider(false), Actor.SYSTEM);
        assertThat(steps).containsExactly("fetch in unit of work: false", "store in unit of work: true");
        assertThat(f.store.providers).containsKey(saved.id());
    }

    @Test
    void aFailedFetchSavesNothing() {
        assertThatThrownBy(() -> administration.create(f.site, provider(true), Actor.SYSTEM))
                .hasMessageContaining("settings.metadataUrl");
        assertThat(f.store.providers).isEmpty();
    }
}
