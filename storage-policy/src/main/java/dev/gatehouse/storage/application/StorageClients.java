package dev.gatehouse.storage.application;

import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.storage.model.StorageClient;
import dev.gatehouse.storage.port.StoragePolicyRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Credentials of storage servers for one site's decision API. The secret is 256 random bits, shown once; only its
 * SHA-256 is stored (a slow hash adds nothing to a random secret of this size, and decisions must stay fast).
 */
public class StorageClients {
    private final StoragePolicyRepository policy;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A new client and its secret, which is not stored and cannot be shown again. */
    public record Created(StorageClient client, String secret) {
        @Override
        public String toString() {
            return "Created[" + client + "]";
        }
    }

    public StorageClients(StoragePolicyRepository policy, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public Created create(SiteId site, String name, Actor actor) {
        Checks checks = new Checks();
        checks.required("name", name, 100);
        checks.throwIfAny();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        StorageClient client = new StorageClient(UUID.randomUUID(), site, name.strip(), hash(secret), clock.instant());
        policy.save(client);
        audit.append(AuditEvent.of(
                clock.instant(),
                site,
                actor,
                AuditType.STORAGE_CLIENT_CREATED,
                "client:" + client.id(),
                true,
                "name=" + client.name()));
        return new Created(client, secret);
    }

    public void delete(SiteId site, UUID id, Actor actor) {
        StorageClient client = policy.client(id)
                .filter(c -> c.site().equals(site))
                .orElseThrow(() -> new NotFoundException("storage client", id));
        policy.deleteClient(id);
        audit.append(AuditEvent.of(
                clock.instant(),
                site,
                actor,
                AuditType.STORAGE_CLIENT_DELETED,
                "client:" + id,
                true,
                "name=" + client.name()));
    }

    public List<StorageClient> list(SiteId site) {
        return policy.clients(site);
    }

    public Optional<StorageClient> find(UUID id) {
        return policy.client(id);
    }

    /** Whether {@code secret} is the client's, compared in constant time. */
    public static boolean matches(StorageClient client, String secret) {
        return MessageDigest.isEqual(
                client.secretHash().getBytes(StandardCharsets.US_ASCII),
                hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
