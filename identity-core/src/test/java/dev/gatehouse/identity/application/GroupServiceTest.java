package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.Group;
import org.junit.jupiter.api.Test;

class GroupServiceTest {
    private final ServicesFixture f = new ServicesFixture();

    @Test
    void groupNamesAreUniquePerSiteIgnoringCase() {
        f.groups.create(f.site.id(), "Finance", "", Actor.SYSTEM);

        assertThatThrownBy(() -> f.groups.create(f.site.id(), "finance", "", Actor.SYSTEM))
                .hasMessage("a group named 'finance' already exists in site 'default'; choose another name");
    }

    @Test
    void aGroupCannotContainItselfThroughOtherGroups() {
        Group a = f.groups.create(f.site.id(), "A", "", Actor.SYSTEM);
        Group b = f.groups.create(f.site.id(), "B", "", Actor.SYSTEM);
        Group c = f.groups.create(f.site.id(), "C", "", Actor.SYSTEM);
        f.groups.addMember(f.site.id(), a.id(), b.id(), Actor.SYSTEM);
        f.groups.addMember(f.site.id(), b.id(), c.id(), Actor.SYSTEM);

        assertThatThrownBy(() -> f.groups.addMember(f.site.id(), c.id(), a.id(), Actor.SYSTEM))
                .hasMessageEndingWith("adding it would make a cycle");
        assertThatThrownBy(() -> f.groups.addMember(f.site.id(), a.id(), a.id(), Actor.SYSTEM))
                .isInstanceOf(ConflictException.class);
        assertThat(f.store.memberships).hasSize(2);
    }

    @Test
    void membersMustBelongToTheSameSite() {
        Group group = f.groups.create(f.site.id(), "Staff", "", Actor.SYSTEM);
        var child = f.sites.create("child", "Child", f.site.id(), Actor.SYSTEM);
        var stranger = f.users.create(child.id(), new NewUser("x", "X", null, null, false, null), Actor.SYSTEM);

        assertThatThrownBy(() -> f.groups.addMember(f.site.id(), group.id(), stranger.id(), Actor.SYSTEM))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAUserRemovesItsMemberships() {
        f.admin("admin");
        Group group = f.groups.create(f.site.id(), "Staff", "", Actor.SYSTEM);
        var jane = f.users.create(f.site.id(), new NewUser("jane", "Jane", null, null, false, null), Actor.SYSTEM);
        f.groups.addMember(f.site.id(), group.id(), jane.id(), Actor.SYSTEM);

        f.users.delete(f.site.id(), jane.id(), Actor.SYSTEM);

        assertThat(f.groups.members(f.site.id(), group.id())).isEmpty();
    }
}
