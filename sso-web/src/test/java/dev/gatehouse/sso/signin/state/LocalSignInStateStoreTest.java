package dev.gatehouse.sso.signin.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.ProviderId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalSignInStateStoreTest {
    final ProviderId provider = ProviderId.random();

    PendingRequest request(String id, Instant expiresAt) {
        return new PendingRequest(id, PendingRequest.Kind.LOGIN, provider, "/", expiresAt);
    }

    @Test
    void outstandingRequestsAreCappedAndExpiredOnesMakeRoom() {
        LocalSignInStateStore store = new LocalSignInStateStore(2);
        Instant now = Instant.now();
        store.rememberRequest(request("_a", now.minusSeconds(1)));
        store.rememberRequest(request("_b", now.plusSeconds(600)));
        store.rememberRequest(request("_c", now.plusSeconds(600)));
        assertThatThrownBy(() -> store.rememberRequest(request("_d", now.plusSeconds(600))))
                .isInstanceOf(SignInStateFullException.class);
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
        LocalSignInStateStore store = new LocalSignInStateStore(10, 6, 3);
        ProviderId other = ProviderId.random();
        for (int i = 0; i < 3; i++) {
            store.rememberRequest(request("_attacker" + i, provider, "198.51.100.7"));
        }
        assertThatThrownBy(() -> store.rememberRequest(request("_attacker3", provider, "198.51.100.7")))
                .isInstanceOfSatisfying(SignInStateFullException.class, e -> assertThat(e.scope())
                        .isEqualTo(SignInStateFullException.Scope.CLIENT));
        store.rememberRequest(request("_user", provider, "203.0.113.9"));

        for (int i = 0; i < 2; i++) {
            store.rememberRequest(request("_spread" + i, provider, "192.0.2." + i));
        }
        assertThatThrownBy(() -> store.rememberRequest(request("_spread2", provider, "192.0.2.2")))
                .isInstanceOfSatisfying(SignInStateFullException.class, e -> assertThat(e.scope())
                        .isEqualTo(SignInStateFullException.Scope.PROVIDER));
        store.rememberRequest(request("_otherProvider", other, "192.0.2.2"));

        assertThat(store.takeRequest("_attacker0", Instant.now())).isPresent();
        store.rememberRequest(request("_attacker3", provider, "198.51.100.7"));
    }

    @Test
    void aRequestIsTakenOnceAndAnExpiredOneNotAtAll() {
        LocalSignInStateStore store = new LocalSignInStateStore();
        Instant now = Instant.now();
        store.rememberRequest(request("_a", now.plusSeconds(600)));
        store.rememberRequest(request("_old", now.minusSeconds(1)));
        assertThat(store.takeRequest("_a", now)).isPresent();
        assertThat(store.takeRequest("_a", now)).isEmpty();
        assertThat(store.takeRequest("_old", now)).isEmpty();
    }

    @Test
    void aKeyIsUsedOnceUntilItExpires() {
        LocalSignInStateStore store = new LocalSignInStateStore();
        Instant now = Instant.now();
        assertThat(store.markUsed("p/_x", now.plusSeconds(60), now)).isTrue();
        assertThat(store.markUsed("p/_x", now.plusSeconds(60), now)).isFalse();
        assertThat(store.markUsed("p/_x", now.plusSeconds(120), now.plusSeconds(61)))
                .isTrue();
    }
}
