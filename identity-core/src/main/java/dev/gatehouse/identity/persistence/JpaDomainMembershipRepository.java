package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.DirectoryJob;
import dev.gatehouse.identity.domain.DomainMembership;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.DomainMembershipRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Domain memberships (the keytab encrypted with the master key, bound to the site) and join and leave jobs. */
public final class JpaDomainMembershipRepository implements DomainMembershipRepository {
    private static final int STEPS = 20_000;

    private final Supplier<EntityManager> em;
    private final SecretCipher cipher;

    public JpaDomainMembershipRepository(Supplier<EntityManager> em, SecretCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    private static String context(UUID site) {
        return "directory-keytab:" + site;
    }

    @Override
    public Optional<DomainMembership> membership(SiteId site) {
        return Optional.ofNullable(em.get().find(DomainMembershipEntity.class, site.value()))
                .map(this::toDomain);
    }

    @Override
    public List<DomainMembership> memberships() {
        return em.get()
                .createQuery("select m from DomainMembershipEntity m", DomainMembershipEntity.class)
                .getResultStream()
                .map(this::toDomain)
                .toList();
    }

    private DomainMembership toDomain(DomainMembershipEntity e) {
        byte[] keytab = Base64.getDecoder()
                .decode(cipher.decrypt(e.keytab, context(e.siteId)).value());
        return new DomainMembership(
                new SiteId(e.siteId),
                e.machineName,
                e.computerDn,
                e.objectGuid,
                e.dnsHostName,
                e.controller,
                e.keyVersion,
                new DomainMembership.Keytab(keytab),
                e.joinedAt);
    }

    @Override
    public void save(DomainMembership membership) {
        DomainMembershipEntity entity =
                em.get().find(DomainMembershipEntity.class, membership.site().value());
        boolean fresh = entity == null;
        if (fresh) {
            entity = new DomainMembershipEntity(membership.site().value());
        }
        entity.machineName = membership.machineName();
        entity.computerDn = membership.computerDn();
        entity.objectGuid = membership.objectGuid();
        entity.dnsHostName = membership.dnsHostName();
        entity.controller = membership.controller();
        entity.keyVersion = membership.keyVersion();
        entity.keytab = cipher.encrypt(
                new Secret(
                        Base64.getEncoder().encodeToString(membership.keytab().bytes())),
                context(membership.site().value()));
        entity.joinedAt = membership.joinedAt();
        if (fresh) {
            em.get().persist(entity);
        }
    }

    @Override
    public void delete(SiteId site) {
        DomainMembershipEntity entity = em.get().find(DomainMembershipEntity.class, site.value());
        if (entity != null) {
            em.get().remove(entity);
        }
    }

    @Override
    public void save(DirectoryJob job) {
        DirectoryJobEntity entity = em.get().find(DirectoryJobEntity.class, job.id());
        boolean fresh = entity == null;
        if (fresh) {
            entity = new DirectoryJobEntity(job.id());
        }
        entity.siteId = job.site().value();
        entity.kind = job.kind().name();
        entity.state = job.state().name();
        entity.actor = job.actor().name();
        entity.startedAt = job.startedAt();
        entity.finishedAt = job.finishedAt();
        StringBuilder steps = new StringBuilder();
        for (DirectoryJob.Step step : job.steps()) {
            String line = step.state().name() + "\t" + step.at().toEpochMilli() + "\t" + flat(step.name()) + "\t"
                    + flat(step.detail()) + "\n";
            if (steps.length() + line.length() > STEPS) {
                break;
            }
            steps.append(line);
        }
        entity.steps = steps.toString();
        if (fresh) {
            em.get().persist(entity);
        }
    }

    private static String flat(String text) {
        String flat = text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 2000 ? flat.substring(0, 2000) + "…" : flat;
    }

    @Override
    public Optional<DirectoryJob> job(SiteId site, UUID id) {
        return Optional.ofNullable(em.get().find(DirectoryJobEntity.class, id))
                .filter(e -> e.siteId.equals(site.value()))
                .map(JpaDomainMembershipRepository::toDomain);
    }

    @Override
    public List<DirectoryJob> jobs(SiteId site, int limit) {
        return em.get()
                .createQuery(
                        "select j from DirectoryJobEntity j where j.siteId = :site order by j.startedAt desc",
                        DirectoryJobEntity.class)
                .setParameter("site", site.value())
                .setMaxResults(limit)
                .getResultStream()
                .map(JpaDomainMembershipRepository::toDomain)
                .toList();
    }

    private static DirectoryJob toDomain(DirectoryJobEntity e) {
        List<DirectoryJob.Step> steps = new ArrayList<>();
        for (String line : e.steps.split("\n")) {
            String[] parts = line.split("\t", 4);
            if (parts.length == 4) {
                steps.add(new DirectoryJob.Step(
                        parts[2],
                        DirectoryJob.State.valueOf(parts[0]),
                        parts[3],
                        Instant.ofEpochMilli(Long.parseLong(parts[1]))));
            }
        }
        return new DirectoryJob(
                e.id,
                new SiteId(e.siteId),
                DirectoryJob.Kind.valueOf(e.kind),
                DirectoryJob.State.valueOf(e.state),
                steps,
                new Actor(null, e.actor),
                e.startedAt,
                e.finishedAt);
    }
}
