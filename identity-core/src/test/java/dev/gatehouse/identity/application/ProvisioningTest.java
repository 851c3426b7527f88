package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.credential.IssuedSecrets;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvisioningTest {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String ALICE_OID = "00000000-0000-4000-8000-00000000a11c";

    final ServicesFixture f = new ServicesFixture();
    final InMemoryStore store = f.store;
    final InMemoryCredentials.Scim scim = new InMemoryCredentials.Scim();
    final Credentials credentials =
            new Credentials(new InMemoryCredentials(), store, new IssuedSecrets(), store, store, f.clock);
    final IdentityUpsert upsert =
            new IdentityUpsert(store, store, store.groupRepository, store.groupLinkRepository, store, f.clock);
    final Provisioning provisioning = new Provisioning(
            store,
            store,
            store.groupRepository,
            store.groupLinkRepository,
            scim,
            upsert,
            f.users,
            f.groups,
            store,
            f.clock);
    final ProviderId entra = ProviderId.random();
    final ScimSettings settings = new ScimSettings(
            f.site.id(),
            new AuthMethod.Sso(entra),
            EntraTenantId.parse("tenantId", TENANT),
            "externalId",
            ScimSettings.DeletePolicy.DISABLE,
            ScimSettings.TokenScheme.BEARER,
            ScimSettings.DisplayNameSource.NAME,
            ScimSettings.EmailSource.EMAILS,
            f.clock.instant());

    {
        f.users.onAccessEnded((site, user, why) -> credentials.revokeAllOf(site, user, Actor.SYSTEM, why));
    }

    Provisioning.UserData alice(String userName, String externalId, boolean active) {
        return new Provisioning.UserData(
                userName,
                externalId,
                active,
                "Alice Smith",
                userName.contains("@") ? userName : null,
                externalId,
                "{}");
    }

    @Test
    void aProvisionedUserHasTheScimIdAsItsIdAndTheEntraLinkOfItsObjectId() {
        Provisioning.ProvisionedUser created =
                provisioning.createUser(f.site.id(), settings, alice("alice@contoso.example", ALICE_OID, true));

        User user = created.user();
        assertThat(user.authMethod()).isEqualTo(new AuthMethod.Sso(entra));
        assertThat(user.email().toString()).isEqualTo("alice@contoso.example");
        assertThat(store.linksOf(user.id()).stream().map(l -> l.key().kind()))
                .containsExactlyInAnyOrder("entra", "scim-id");
        assertThat(provisioning.user(f.site.id(), user.id().toString())).isPresent();
        assertThat(provisioning.userByExternalId(f.site.id(), ALICE_OID)).isPresent();
        assertThat(provisioning.userByName(f.site.id(), "ALICE@contoso.example"))
                .isPresent();
    }

    @Test
    void aUserWhoSignedInByEntraBeforeIsTakenOverNotDuplicated() {
        IdentitySource source = IdentitySource.provider(entra, Set.of(LinkKey.entraAuthority(settings.tenant())), true);
        LinkKey.Entra key = new LinkKey.Entra(settings.tenant(), EntraObjectId.parse("oid", ALICE_OID));
        User signedIn = ((IdentityOutcome.Success) upsert.upsert(
                        f.site.id(),
                        source,
                        IdentityUpsert.Purpose.SIGN_IN,
                        new ExternalIdentity(key, "alice@contoso.example", "Alice", null, List.of(), false)))
                .user();

        Provisioning.ProvisionedUser created =
                provisioning.createUser(f.site.id(), settings, alice("alice@contoso.example", ALICE_OID, true));

        assertThat(created.user().id()).isEqualTo(signedIn.id());
        assertThat(store.users).hasSize(1);
        assertThatThrownBy(() ->
                        provisioning.createUser(f.site.id(), settings, alice("alice@contoso.example", ALICE_OID, true)))
                .isInstanceOf(UniquenessException.class);
    }

    @Test
    void userNameAndExternalIdAreUniqueAndALocalAdministratorIsNeitherVisibleNorTakenOver() {
        provisioning.createUser(f.site.id(), settings, alice("alice@contoso.example", ALICE_OID, true));
        User admin = f.admin("root");

        assertThatThrownBy(() ->
                        provisioning.createUser(f.site.id(), settings, alice("alice@contoso.example", null, true)))
                .isInstanceOf(UniquenessException.class)
                .extracting(e -> ((UniquenessException) e).field())
                .isEqualTo("userName");
        assertThatThrownBy(() ->
                        provisioning.createUser(f.site.id(), settings, alice("bob@contoso.example", ALICE_OID, true)))
                .isInstanceOf(UniquenessException.class)
                .extracting(e -> ((UniquenessException) e).field())
                .isEqualTo("externalId");
        assertThatThrownBy(() -> provisioning.createUser(f.site.id(), settings, alice("root", null, true)))
                .isInstanceOf(UniquenessException.class);
        assertThat(provisioning.user(f.site.id(), admin.id().toString())).isEmpty();
        assertThat(provisioning.userByName(f.site.id(), "root")).isEmpty();
        assertThat(provisioning.users(f.site.id()))
                .extracting(u -> u.user().login().value())
                .containsExactly("alice@contoso.example");
    }

    @Test
    void inactiveDisablesAtOnceAndRevokesTheUsersCredentials() {
        User user = provisioning
                .createUser(f.site.id(), settings, alice("alice@contoso.example", ALICE_OID, true))
                .user();
        credentials.issue(f.site.id(), CredentialKind.APP_PASSWORD, user.id(), "WinSCP", null, Actor.SYSTEM);

        User disabled = provisioning
                .replaceUser(
                        f.site.id(), settings, user.id().toString(), alice("alice@contoso.example", ALICE_OID, false))
                .user();

        assertThat(disabled.state()).isEqualTo(UserState.DISABLED);
        assertThat(credentials.listOf(user.id())).allMatch(c -> c.revokedAt() != null);
        assertThat(provisioning.user(f.site.id(), user.id().toString())).isPresent(); // still returned by GET
        User enabled = provisioning
                .replaceUser(
                        f.site.id(), settings, user.id().toString(), alice("alice@contoso.example", ALICE_OID, true))
                .user();
        assertThat(enabled.state()).isEqualTo(UserState.ENABLED);
    }

    @Test
    void deleteDeprovisionsAndUnlinksOrDeletesAsTheSiteSays() {
        User user = provisioning
                .createUser(f.site.id(), settings, alice("alice@contoso.example", ALICE_OID, true))
                .user();
        provisioning.deleteUser(f.site.id(), settings, user.id().toString());

        assertThat(store.users.get(user.id()).state()).isEqualTo(UserState.DEPROVISIONED);
        assertThat(store.linksOf(user.id())).isEmpty();
        assertThat(provisioning.user(f.site.id(), user.id().toString())).isEmpty();
        User again = provisioning
                .createUser(f.site.id(), settings, alice("alice@contoso.example", null, true))
                .user();
        assertThat(again.id()).as("the same user name later is a new user").isNotEqualTo(user.id());
        assertThat(store.users.get(user.id()).login().value()).startsWith("alice@contoso.example+deprovisioned-");

        ScimSettings deleting = new ScimSettings(
                f.site.id(),
                settings.newUserMethod(),
                settings.tenant(),
                settings.objectIdAttribute(),
                ScimSettings.DeletePolicy.DELETE,
                settings.tokenScheme(),
                settings.displayNameFrom(),
                settings.emailFrom(),
                f.clock.instant());
        User bob = provisioning
                .createUser(f.site.id(), deleting, alice("bob@contoso.example", null, true))
                .user();
        provisioning.deleteUser(f.site.id(), deleting, bob.id().toString());
        assertThat(store.users).doesNotContainKey(bob.id());
    }

    @Test
    void groupsHaveUniqueNamesAndMembersChangeInOnePass() {
        User alice = provisioning
                .createUser(f.site.id(), settings, alice("alice@contoso.example", ALICE_OID, true))
                .user();
        User bob = provisioning
                .createUser(f.site.id(), settings, alice("bob@contoso.example", null, true))
                .user();
        Provisioning.ProvisionedGroup group =
                provisioning.createGroup(f.site.id(), new Provisioning.GroupData("Engineering", "eng", "{}"));
        String id = group.group().id().toString();

        assertThatThrownBy(() ->
                        provisioning.createGroup(f.site.id(), new Provisioning.GroupData("engineering", null, "{}")))
                .isInstanceOf(UniquenessException.class);
        assertThat(provisioning.changeMembers(
                        f.site.id(), id, List.of(alice.id().toString(), bob.id().toString()), List.of(), false))
                .isTrue();
        assertThat(provisioning.changeMembers(
                        f.site.id(), id, List.of(alice.id().toString()), List.of(), false))
                .isFalse();
        provisioning.changeMembers(
                f.site.id(), id, List.of(), List.of(alice.id().toString()), false);
        assertThat(provisioning.members(group.group().id()))
                .containsExactly(bob.id().toString());
        provisioning.changeMembers(f.site.id(), id, List.of(alice.id().toString()), List.of(), true);
        assertThat(provisioning.members(group.group().id()))
                .containsExactly(alice.id().toString());
        assertThatThrownBy(() -> provisioning.changeMembers(
                        f.site.id(), id, List.of("00000000-0000-4000-8000-000000000000"), List.of(), false))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("members");
    }
}
