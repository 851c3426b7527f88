package dev.gatehouse.sso.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.sso.saml.web.SamlSession;
import dev.gatehouse.sso.signin.state.PendingRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What lives in the HTTP session or a shared state store must survive serialization (session replication). */
class SessionStateSerializationTest {
    static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void signedInSamlSessionAndPendingRequestsRoundTrip() throws Exception {
        SignedIn signedIn = new SignedIn(UserId.random(), SiteId.random(), "alice", "default");
        SamlSession saml = new SamlSession(ProviderId.random(), "alice@contoso.example", "unspecified", "_s1");
        PendingRequest pending = new PendingRequest(
                "_r1", PendingRequest.Kind.LOGIN, ProviderId.random(), "/?site=default", Instant.EPOCH);
        assertThat(roundTrip(signedIn)).isEqualTo(signedIn);
        assertThat(roundTrip(saml)).isEqualTo(saml);
        assertThat(roundTrip(pending)).isEqualTo(pending);
    }
}
