package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.ScimResource;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.CredentialRepository;
import dev.gatehouse.identity.port.ScimRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** In-memory credential and SCIM repositories, and a clock the test moves. */
final class InMemoryCredentials implements CredentialRepository {
    final Map<UUID, Credential> credentials = new LinkedHashMap<>();

    @Override
    public Optional<Credential> find(UUID id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public List<Credential> list(SiteId site) {
        return credentials.values().stream().filter(c -> c.site().equals(site)).toList();
    }

    @Override
    public List<Credential> listOf(UserId user) {
        return credentials.values().stream()
                .filter(c -> Objects.equals(c.user(), user))
                .toList();
    }

    @Override
    public List<Credential> expiringBefore(Instant before) {
        return credentials.values().stream()
                .filter(c -> c.revokedAt() == null
                        && c.expiresAt() != null
                        && c.expiresAt().isBefore(before))
                .toList();
    }

    @Override
    public void save(Credential credential) {
        credentials.put(credential.id(), credential);
    }

    static final class Scim implements ScimRepository {
        final Map<UUID, ScimResource> resources = new LinkedHashMap<>();
        final Map<SiteId, ScimSettings> settings = new HashMap<>();

        @Override
        public Optional<ScimResource> find(UUID subject) {
            return Optional.ofNullable(resources.get(subject));
        }

        @Override
        public Map<UUID, ScimResource> findAll(Collection<UUID> subjects) {
            Map<UUID, ScimResource> found = new HashMap<>();
            subjects.forEach(id -> Optional.ofNullable(resources.get(id)).ifPresent(r -> found.put(id, r)));
            return found;
        }

        @Override
        public Optional<ScimResource> findByExternalId(SiteId site, ScimResource.Type type, String externalId) {
            return resources.values().stream()
                    .filter(r -> r.site().equals(site) && r.type() == type && externalId.equals(r.externalId()))
                    .findFirst();
        }

        @Override
        public void save(ScimResource resource) {
            resources.put(resource.subject(), resource);
        }

        @Override
        public void delete(UUID subject) {
            resources.remove(subject);
        }

        @Override
        public Optional<ScimSettings> settings(SiteId site) {
            return Optional.ofNullable(settings.get(site));
        }

        @Override
        public void save(ScimSettings value) {
            settings.put(value.site(), value);
        }
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
