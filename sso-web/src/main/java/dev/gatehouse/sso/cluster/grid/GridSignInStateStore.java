package dev.gatehouse.sso.cluster.grid;

import com.hazelcast.map.IMap;
import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import dev.gatehouse.sso.signin.state.PendingRequest;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Outstanding sign-in requests and used assertion IDs in grid maps: a request made on one node is answered on any other,
 * and an assertion used on one node is refused on every other. Each entry expires with the request or the assertion.
 *
 * <p>Requests travel as bytes (Java serialization, read back with this application's classes and a filter admitting
 * only Gatehouse's and the JDK's types), so that the grid never needs Gatehouse's classes. The budgets against floods
 * (per client, per provider, per node) are kept by {@link LocalSignInStateStore} on the node that admits the request:
 * each node admits at most its budget, however many nodes there are.
 */
final class GridSignInStateStore implements SignInStateStore {
    private static final ObjectInputFilter ONLY_OURS =
            ObjectInputFilter.Config.createFilter("dev.gatehouse.**;java.**;maxdepth=20;maxbytes=65536;!*");

    private final IMap<String, byte[]> requests;
    private final IMap<String, Long> used;
    private final LocalSignInStateStore admission = new LocalSignInStateStore();

    GridSignInStateStore(IMap<String, byte[]> requests, IMap<String, Long> used) {
        this.requests = requests;
        this.used = used;
    }

    @Override
    public void rememberRequest(PendingRequest request) {
        admission.rememberRequest(request);
        long ttl = Duration.between(Instant.now(), request.expiresAt()).toMillis();
        if (ttl > 0) {
            requests.set(request.id(), bytes(request), ttl, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Optional<PendingRequest> takeRequest(String id, Instant now) {
        admission.takeRequest(id, now); // frees this node's budget when the request was admitted here
        byte[] stored = requests.remove(id);
        if (stored == null) {
            return Optional.empty();
        }
        PendingRequest request = request(stored);
        return request.expiresAt().isAfter(now) ? Optional.of(request) : Optional.empty();
    }

    @Override
    public boolean markUsed(String key, Instant keepUntil, Instant now) {
        long ttl = Duration.between(now, keepUntil).toMillis();
        if (ttl <= 0) {
            return true; // already past its validity: nothing to remember, and the caller refuses it anyway
        }
        return used.putIfAbsent(key, keepUntil.toEpochMilli(), ttl, TimeUnit.MILLISECONDS) == null;
    }

    private static byte[] bytes(PendingRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(request);
        } catch (IOException e) {
            throw new UncheckedIOException("a sign-in request could not be written for the grid", e);
        }
        return out.toByteArray();
    }

    private static PendingRequest request(byte[] bytes) {
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass type) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(type.getName(), false, GridSignInStateStore.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(type);
                }
            }
        }) {
            objects.setObjectInputFilter(ONLY_OURS);
            Object read = objects.readObject();
            if (!(read instanceof PendingRequest request)) {
                throw new InvalidClassException("not a sign-in request");
            }
            return request;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a sign-in request read from the grid could not be understood", e);
        }
    }
}
