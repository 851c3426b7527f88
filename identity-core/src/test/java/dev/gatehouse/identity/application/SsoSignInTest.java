package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SsoSignInTest {
    final ServicesFixture fixture = new ServicesFixture();
    final InMemoryStore store = fixture.store;
    final SsoSignIn signIn =
            new SsoSignIn(store, store, store.groupRepository, store.groupLinkRepository, store, fixture.clock);
    final ProviderId provider = ProviderId.random();
    final LinkKey.Entra key = new LinkKey.Entra(
            new EntraTenantId(UUID.fromString("72f988bf-86f1-41af-91ab-2d7cd011db47")),
            new EntraObjectId(UUID.fromString("2b5e8b1c-6c59-4f2b-9a51-0b3c8a4a1f10")));
    final EntraObjectId sales = new EntraObjectId(UUID.fromString("6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f"));
    final EntraObjectId finance = new EntraObjectId(UUID.fromString("7a2e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f"));

    ExternalIdentity alice(String upn, List<EntraObjectId> groups, boolean overage) {
        return new ExternalIdentity(key, upn, "Alice Example", upn, groups, overage);
    }

    SsoSignInResult.Success success(SsoSignInResult result) {
        assertThat(result).isInstanceOf(SsoSignInResult.Success.class);
        return (SsoSignInResult.Success) result;
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
        SsoSignInResult.Success result = success(signIn.signIn(
                fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(sales, finance), false)));
        assertThat(result.created()).isTrue();
        assertThat(result.user().authMethod().code()).isEqualTo("sso:" + provider);
        assertThat(groupNamesOf(result.user())).containsExactly(finance.toString(), "Sales");
    }

    @Test
    void renamedUserWithTheSameObjectIdIsTheSameUser() {
        User first = success(signIn.signIn(
                        fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(), false)))
                .user();
        SsoSignInResult.Success again = success(signIn.signIn(
                fixture.site.id(), provider, true, alice("alice.smith@contoso.example", List.of(), false)));
        assertThat(again.created()).isFalse();
        assertThat(again.changed()).isTrue();
        assertThat(success(signIn.signIn(
                                fixture.site.id(),
                                provider,
                                true,
                                alice("alice.smith@contoso.example", List.of(), false)))
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
        User user = success(signIn.signIn(
                        fixture.site.id(),
                        provider,
                        true,
                        alice("alice@contoso.example", List.of(sales, finance), false)))
                .user();
        Group local = fixture.groups.create(fixture.site.id(), "Local", "", Actor.SYSTEM);
        fixture.groups.addMember(fixture.site.id(), local.id(), user.id(), Actor.SYSTEM);

        success(signIn.signIn(
                fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(sales), false)));
        assertThat(groupNamesOf(user)).containsExactly(sales.toString(), "Local");

        success(signIn.signIn(
                fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(finance), true)));
        assertThat(groupNamesOf(user)).containsExactly(sales.toString(), finance.toString(), "Local");
        assertThat(store.audit.get(store.audit.size() - 1).detail()).contains("groups overage");
    }

    @Test
    void namingAnObjectIdLaterRenamesTheGroupCreatedAtSignIn() {
        User user = success(signIn.signIn(
                        fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(sales), false)))
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
        success(signIn.signIn(
                fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(sales), false)));
        assertThat(store.groupLinkRepository.findEntraGroup(fixture.site.id(), sales))
                .map(GroupId::value)
                .contains(existing.id().value());
        assertThat(store.groups).hasSize(1);
    }

    @Test
    void withoutJustInTimeAnUnknownIdentityIsRefused() {
        assertThat(signIn.signIn(fixture.site.id(), provider, false, alice("alice@contoso.example", List.of(), false)))
                .isInstanceOf(SsoSignInResult.UnknownUser.class);
        assertThat(store.users).isEmpty();
    }

    @Test
    void aLoginHeldByAnUnlinkedUserIsNeverTakenOver() {
        User local = fixture.admin("alice@contoso.example");
        assertThat(signIn.signIn(fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(), false)))
                .isInstanceOf(SsoSignInResult.UnknownUser.class);
        assertThat(store.links).isEmpty();
        assertThat(store.users).containsOnlyKeys(local.id());
    }

    @Test
    void aUserAssignedToAnotherProviderIsRefused() {
        success(signIn.signIn(fixture.site.id(), provider, true, alice("alice@contoso.example", List.of(), false)));
        assertThat(signIn.signIn(
                        fixture.site.id(), ProviderId.random(), true, alice("alice@contoso.example", List.of(), false)))
                .isInstanceOf(SsoSignInResult.WrongMethod.class);
    }
}
