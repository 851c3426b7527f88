package dev.gatehouse.sso.saml.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.ProviderId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalSamlStateStoreTest {
    final ProviderId provider = ProviderId.random();

    PendingRequest request(String id, Instant expiresAt) {
        return new PendingRequest(id, PendingRequest.Kind.LOGIN, provider, "/", expiresAt);
    }

    @Test
    void outstandingRequestsAreCappedAndExpiredOnesMakeRoom() {
        LocalSamlStateStore store = new LocalSamlStateStore(2);
        Instant now = Instant.now();
        store.rememberRequest(request("_a", now.minusSeconds(1)));
        store.rememberRequest(request("_b", now.plusSeconds(600)));
        store.rememberRequest(request("_c", now.plusSeconds(600)));
        assertThatThrownBy(() -> store.rememberRequest(request("_d", now.plusSeconds(600))))
                .isInstanceOf(SamlStateFullException.class);
        assertThat(store.takeRequest("_b", now)).isPresent();
        store.rememberRequest(request("_d", now.plusSeconds(600)));
        assertThat(store.takeRequest("_d", now)).isPresent();
    }

    PendingRequest request(String id, ProviderId provider, String client) {
        return new PendingRequest(
                id, PendingRequest.Kind.LOGIN, provider, "/", Instant.now().plusSeconds(600), client);
    }

    @Test
    void oneClientCannotUseUpTheBudgetOfAProviderOrTheNode() {
        LocalSamlStateStore store = new LocalSamlStateStore(10, 6, 3);
        ProviderId other = ProviderId.random();
        for (int i = 0; i < 3; i++) {
            store.rememberRequest(request("_attacker" + i, provider, "198.51.100.7"));
        }
        assertThatThrownBy(() -> store.rememberRequest(request("_attacker3", provider, "198.51.100.7")))
                .isInstanceOfSatisfying(SamlStateFullException.class, e -> assertThat(e.scope())
                        .isEqualTo(SamlStateFullException.Scope.CLIENT));
        store.rememberRequest(request("_user", provider, "203.0.113.9"));

        for (int i = 0; i < 2; i++) {
            store.rememberRequest(request("_spread" + i, provider, "192.0.2." + i));
        }
        assertThatThrownBy(() -> store.rememberRequest(request("_spread2", provider, "192.0.2.2")))
                .isInstanceOfSatisfying(SamlStateFullException.class, e -> assertThat(e.scope())
                        .isEqualTo(SamlStateFullException.Scope.PROVIDER));
        store.rememberRequest(request("_otherProvider", other, "192.0.2.2"));

        assertThat(store.takeRequest("_attacker0", Instant.now())).isPresent();
        store.rememberRequest(request("_attacker3", provider, "198.51.100.7"));
    }

    @Test
    void aRequestIsTakenOnceAndAnExpiredOneNotAtAll() {
        LocalSamlStateStore store = new LocalSamlStateStore();
        Instant now = Instant.now();
        store.rememberRequest(request("_a", now.plusSeconds(600)));
        store.rememberRequest(request("_old", now.minusSeconds(1)));
        assertThat(store.takeRequest("_a", now)).isPresent();
        assertThat(store.takeRequest("_a", now)).isEmpty();
        assertThat(store.takeRequest("_old", now)).isEmpty();
    }

    @Test
    void aKeyIsUsedOnceUntilItExpires() {
        LocalSamlStateStore store = new LocalSamlStateStore();
        Instant now = Instant.now();
        assertThat(store.markUsed("p/_x", now.plusSeconds(60), now)).isTrue();
        assertThat(store.markUsed("p/_x", now.plusSeconds(60), now)).isFalse();
        assertThat(store.markUsed("p/_x", now.plusSeconds(120), now.plusSeconds(61)))
                .isTrue();
    }
}
