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
