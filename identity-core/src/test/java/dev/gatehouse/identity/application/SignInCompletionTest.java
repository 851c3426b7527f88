package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
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

class SignInCompletionTest {
    final ServicesFixture fixture = new ServicesFixture();
    final InMemoryStore store = fixture.store;
    final List<SiteId> invalidated = new ArrayList<>();
    final SignInCompletion completion = new SignInCompletion(
            store,
            new IdentityUpsert(store, store, store.groupRepository, store.groupLinkRepository, store, fixture.clock),
            invalidated::add,
            new BoundedAuditWriter(
                    store, store, AuditType.LOGIN_FAILED, "refused sign-in messages", 20, fixture.clock));
    final ProviderId provider = ProviderId.random();
    final EntraTenantId tenant = new EntraTenantId(UUID.fromString("72f988bf-86f1-41af-91ab-2d7cd011db47"));
    final LinkKey.Entra key =
            new LinkKey.Entra(tenant, new EntraObjectId(UUID.fromString("2b5e8b1c-6c59-4f2b-9a51-0b3c8a4a1f10")));
    final EntraObjectId sales = new EntraObjectId(UUID.fromString("6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f"));
    final EntraObjectId finance = new EntraObjectId(UUID.fromString("7a2e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f"));

    ExternalIdentity alice(String upn, List<EntraObjectId> groups, boolean overage) {
        return new ExternalIdentity(
                key,
                upn,
                "Alice Example",
                upn,
                groups.stream()
                        .map(object -> ExternalGroup.of(new GroupKey.Entra(tenant, object)))
                        .toList(),
                overage);
    }

    /** The sign-in of a provider of the tenant above, with just-in-time as given. */
    IdentityOutcome signIn(ProviderId provider, boolean justInTime, ExternalIdentity identity) {
        return completion.complete(
                fixture.site.id(),
                IdentitySource.provider(provider, Set.of(LinkKey.entraAuthority(tenant)), justInTime),
                identity);
    }

    IdentityOutcome.Success success(IdentityOutcome result) {
        assertThat(result).isInstanceOf(IdentityOutcome.Success.class);
        return (IdentityOutcome.Success) result;
    }

    IdentityOutcome.Refusal refusal(IdentityOutcome result) {
        assertThat(result).isInstanceOf(IdentityOutcome.Refused.class);
        return ((IdentityOutcome.Refused) result).refusal();
    }

    List<String> groupNamesOf(User user) {
        return store.groupRepository.groupsOf(user.id()).stream()
                .map(id -> store.groups.get(id).name().value())
                .sorted()
                .toList();
    }

    @Test
    void firstSignInCreatesTheUserWithGuidKeyedGroupsAndMappedNames() {
        store.groupLinkRepository.mapName(fixture.site.id(), sales, "Sales");
        IdentityOutcome.Success result =
                success(signIn(provider, true, alice("alice@contoso.example", List.of(sales, finance), false)));
        assertThat(result.created()).isTrue();
        assertThat(result.user().authMethod().code()).isEqualTo("sso:" + provider);
        assertThat(groupNamesOf(result.user())).containsExactly(finance.toString(), "Sales");
    }

    @Test
    void renamedUserWithTheSameObjectIdIsTheSameUser() {
        User first = success(signIn(provider, true, alice("alice@contoso.example", List.of(), false)))
                .user();
        IdentityOutcome.Success again =
                success(signIn(provider, true, alice("alice.smith@contoso.example", List.of(), false)));
        assertThat(again.created()).isFalse();
        assertThat(again.changed()).isTrue();
        assertThat(success(signIn(provider, true, alice("alice.smith@contoso.example", List.of(), false)))
                        .changed())
                .as("a sign-in that changes nothing leaves decisions valid")
                .isFalse();
        assertThat(again.user().id()).isEqualTo(first.id());
        assertThat(again.user().login().value()).isEqualTo("alice.smith@contoso.example");
        assertThat(again.user().email().value()).isEqualTo("alice.smith@contoso.example");
        assertThat(store.users).hasSize(1);
    }

    @Test
    void membershipsFollowTheGroupsOfEachSignInButOverageOnlyAdds() {
        User user = success(signIn(provider, true, alice("alice@contoso.example", List.of(sales, finance), false)))
                .user();
        Group local = fixture.groups.create(fixture.site.id(), "Local", "", Actor.SYSTEM);
        fixture.groups.addMember(fixture.site.id(), local.id(), user.id(), Actor.SYSTEM);

        success(signIn(provider, true, alice("alice@contoso.example", List.of(sales), false)));
        assertThat(groupNamesOf(user)).containsExactly(sales.toString(), "Local");

        success(signIn(provider, true, alice("alice@contoso.example", List.of(finance), true)));
        assertThat(groupNamesOf(user)).containsExactly(sales.toString(), finance.toString(), "Local");
        assertThat(store.audit.get(store.audit.size() - 1).detail()).contains("groups overage");
    }

    @Test
    void namingAnObjectIdLaterRenamesTheGroupCreatedAtSignIn() {
        User user = success(signIn(provider, true, alice("alice@contoso.example", List.of(sales), false)))
                .user();
        new EntraGroupNames(store.groupLinkRepository, fixture.groups)
                .name(fixture.site.id(), sales, "Sales", Actor.SYSTEM);
        assertThat(groupNamesOf(user)).containsExactly("Sales");
        assertThat(store.groupLinkRepository.mappedName(fixture.site.id(), sales))
                .contains("Sales");
    }

    @Test
    void existingGroupOfTheMappedNameIsLinkedNotDuplicated() {
        Group existing = fixture.groups.create(fixture.site.id(), "Sales", "", Actor.SYSTEM);
        store.groupLinkRepository.mapName(fixture.site.id(), sales, "Sales");
        success(signIn(provider, true, alice("alice@contoso.example", List.of(sales), false)));
        assertThat(store.groupLinkRepository.find(fixture.site.id(), new GroupKey.Entra(tenant, sales)))
                .map(GroupId::value)
                .contains(existing.id().value());
        assertThat(store.groups).hasSize(1);
    }

    @Test
    void withoutJustInTimeAnUnknownIdentityIsRefused() {
        assertThat(signIn(provider, false, alice("alice@contoso.example", List.of(), false)))
                .satisfies(r -> assertThat(refusal(r)).isEqualTo(IdentityOutcome.Refusal.UNKNOWN_USER));
        assertThat(store.users).isEmpty();
    }

    @Test
    void aLoginHeldByAnUnlinkedUserIsNeverTakenOver() {
        User local = fixture.admin("alice@contoso.example");
        assertThat(signIn(provider, true, alice("alice@contoso.example", List.of(), false)))
                .satisfies(r -> assertThat(refusal(r)).isEqualTo(IdentityOutcome.Refusal.UNKNOWN_USER));
        assertThat(store.links).isEmpty();
        assertThat(store.users).containsOnlyKeys(local.id());
    }

    @Test
    void aUserAssignedToAnotherProviderIsRefused() {
        success(signIn(provider, true, alice("alice@contoso.example", List.of(), false)));
        assertThat(signIn(ProviderId.random(), true, alice("alice@contoso.example", List.of(), false)))
                .satisfies(r -> assertThat(refusal(r)).isEqualTo(IdentityOutcome.Refusal.WRONG_METHOD));
    }

    @Test
    void anIdentityOfAnotherTenantIsRefusedAndCreatesNothing() {
        LinkKey.Entra foreign = new LinkKey.Entra(
                new EntraTenantId(UUID.fromString("0b6a2c57-1d8e-4a8f-b7a0-9f5a3c1d2e4f")), key.object());
        ExternalIdentity squatter =
                new ExternalIdentity(foreign, "alice@contoso.example", "Alice", null, List.of(), false);
        assertThat(refusal(signIn(provider, true, squatter))).isEqualTo(IdentityOutcome.Refusal.UNTRUSTED);
        assertThat(store.users).isEmpty();
        assertThat(store.audit.get(store.audit.size() - 1).detail()).contains("may not vouch for entra:0b6a2c57");
    }

    @Test
    void aGroupOfAnotherTenantIsRefusedEvenWithATrustedUser() {
        GroupKey foreignGroup =
                new GroupKey.Entra(new EntraTenantId(UUID.fromString("0b6a2c57-1d8e-4a8f-b7a0-9f5a3c1d2e4f")), sales);
        ExternalIdentity identity = new ExternalIdentity(
                key, "alice@contoso.example", "Alice", null, List.of(ExternalGroup.of(foreignGroup)), false);
        assertThat(refusal(signIn(provider, true, identity))).isEqualTo(IdentityOutcome.Refusal.UNTRUSTED);
        assertThat(store.groups).isEmpty();
    }

    @Test
    void aProviderOfAnotherTenantNamingTheSameObjectIdGetsAGroupOfItsOwn() {
        User alice = success(signIn(provider, true, alice("alice@contoso.example", List.of(sales), false)))
                .user();
        EntraTenantId other = new EntraTenantId(UUID.fromString("0b6a2c57-1d8e-4a8f-b7a0-9f5a3c1d2e4f"));
        ProviderId otherProvider = ProviderId.random();
        ExternalIdentity mallory = new ExternalIdentity(
                new LinkKey.Entra(other, new EntraObjectId(UUID.randomUUID())),
                "mallory@fabrikam.example",
                "Mallory",
                null,
                List.of(ExternalGroup.of(new GroupKey.Entra(other, sales))),
                false);
        User created = success(completion.complete(
                        fixture.site.id(),
                        IdentitySource.provider(otherProvider, Set.of(LinkKey.entraAuthority(other)), true),
                        mallory))
                .user();
        assertThat(store.groupRepository.groupsOf(created.id()))
                .as("the other tenant's group is not the first tenant's group of the same object ID")
                .doesNotContainAnyElementsOf(store.groupRepository.groupsOf(alice.id()));
    }

    @Test
    void invalidatesDecisionsOnlyWhenTheSignInChangedSomething() {
        success(signIn(provider, true, alice("alice@contoso.example", List.of(sales), false)));
        assertThat(invalidated).hasSize(1);
        success(signIn(provider, true, alice("alice@contoso.example", List.of(sales), false)));
        assertThat(invalidated).hasSize(1);
    }
}
