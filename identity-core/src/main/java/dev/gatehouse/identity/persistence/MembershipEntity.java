package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "memberships")
final class MembershipEntity {
    @EmbeddedId
    Key key;

    @Column(name = "member_kind", nullable = false, length = 5)
    String memberKind;

    protected MembershipEntity() {}

    MembershipEntity(Membership membership) {
        key = new Key(membership.group().value(), membership.member().value());
        memberKind = membership.member() instanceof UserId ? "user" : "group";
    }

    PrincipalId member() {
        return "user".equals(memberKind) ? new UserId(key.memberId) : new GroupId(key.memberId);
    }

    GroupId group() {
        return new GroupId(key.groupId);
    }

    @Embeddable
    record Key(@Column(name = "group_id") UUID groupId, @Column(name = "member_id") UUID memberId)
            implements Serializable {}
}
