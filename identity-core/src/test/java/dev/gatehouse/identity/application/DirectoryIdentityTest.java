package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pipeline with an identity that no SSO protocol made: a directory user keyed by {@code objectGUID}, with named
 * directory groups, signing in by directory password and provisioned by a sync batch.
 */
class DirectoryIdentityTest {
    final ServicesFixture fixture = new ServicesFixture();
    final InMemoryStore store = fixture.store;
    final List<SiteId> invalidated = new ArrayList<>();
    final IdentityUpsert upsert =
            new IdentityUpsert(store, store, store.groupRepository, store.groupLinkRepository, store, fixture.clock);
    final SignInCompletion completion = new SignInCompletion(
            store,
            upsert,
            invalidated::add,
            new BoundedAuditWriter(
                    store, store, AuditType.LOGIN_FAILED, "refused sign-in messages", 20, fixture.clock));
    final IdentitySource directory =
            new IdentitySource(new AuthMethod.Directory(), Set.of(LinkKey.DIRECTORY_AUTHORITY), true);
    final LinkKey.DirectoryObject bob =
            new LinkKey.DirectoryObject(UUID.fromString("5d0e3f55-1c44-4f62-8a0b-4e1d2c3b4a59"));
    final ExternalGroup engineers = new ExternalGroup(
            new GroupKey.DirectoryGroup(UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001")), "Engineers");
    final ExternalGroup admins = new ExternalGroup(
            new GroupKey.DirectoryGroup(UUID.fromString("a1b2c3d4-0000-4000-8000-000000000002")), "NAS Admins");

    ExternalIdentity bob(String sam, List<ExternalGroup> groups) {
        return new ExternalIdentity(bob, sam, "Bob Builder", sam + "@corp.example", groups, false);
    }

    List<String> groupNames(User user) {
        return store.groupRepository.groupsOf(user.id()).stream()
                .map(id -> store.groups.get(id).name().value())
                .sorted()
                .toList();
    }

    IdentityOutcome.Success success(IdentityOutcome outcome) {
        assertThat(outcome).isInstanceOf(IdentityOutcome.Success.class);
        return (IdentityOutcome.Success) outcome;
    }

    @Test
    void createRenameGroupChangeAndRefusedMethod() {
        IdentityOutcome.Success created =
                success(completion.complete(fixture.site.id(), directory, bob("bob", List.of(engineers))));
        assertThat(created.created()).isTrue();
        assertThat(created.user().authMethod()).isEqualTo(new AuthMethod.Directory());
        assertThat(groupNames(created.user())).containsExactly("Engineers");

        IdentityOutcome.Success renamed =
                success(completion.complete(fixture.site.id(), directory, bob("bob.builder", List.of(engineers))));
        assertThat(renamed.user().id())
                .as("same objectGUID, same user")
                .isEqualTo(created.user().id());
        assertThat(renamed.user().login().value()).isEqualTo("bob.builder");
        assertThat(store.users).hasSize(1);

        IdentityOutcome.Success moved =
                success(completion.complete(fixture.site.id(), directory, bob("bob.builder", List.of(admins))));
        assertThat(moved.changed()).isTrue();
        assertThat(groupNames(moved.user())).containsExactly("NAS Admins");
        assertThat(invalidated).hasSize(3);

        IdentitySource sso = IdentitySource.provider(ProviderId.random(), Set.of(LinkKey.DIRECTORY_AUTHORITY), true);
        IdentityOutcome refused = completion.complete(fixture.site.id(), sso, bob("bob.builder", List.of(admins)));
        assertThat(refused).isInstanceOf(IdentityOutcome.Refused.class);
        assertThat(((IdentityOutcome.Refused) refused).refusal()).isEqualTo(IdentityOutcome.Refusal.WRONG_METHOD);
    }

    @Test
    void anEntraProviderCannotAssertADirectoryIdentity() {
        IdentitySource entra = IdentitySource.provider(
                ProviderId.random(), Set.of("entra:72f988bf-86f1-41af-91ab-2d7cd011db47"), true);
        IdentityOutcome outcome = completion.complete(fixture.site.id(), entra, bob("bob", List.of()));
        assertThat(((IdentityOutcome.Refused) outcome).refusal()).isEqualTo(IdentityOutcome.Refusal.UNTRUSTED);
        assertThat(store.users).isEmpty();
    }

    @Test
    void aSyncBatchProvisionsWithoutCheckingTheMethodAndSharesGroups() {
        List<ExternalIdentity> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(new ExternalIdentity(
                    new LinkKey.DirectoryObject(UUID.randomUUID()),
                    "user" + i,
                    "User " + i,
                    null,
                    List.of(engineers),
                    false));
        }
        List<IdentityOutcome> outcomes =
                upsert.upsertAll(fixture.site.id(), directory, IdentityUpsert.Purpose.PROVISIONING, batch);
        assertThat(outcomes).allMatch(o -> o instanceof IdentityOutcome.Success s && s.created());
        assertThat(store.groups).hasSize(1);
        assertThat(store.groupRepository.members(
                        store.groups.keySet().iterator().next()))
                .hasSize(50);
        assertThat(store.audit).noneMatch(e -> e.type().name().startsWith("LOGIN_"));
    }
}
