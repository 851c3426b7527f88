package dev.gatehouse.identity.domain;

import java.util.Objects;

/** {@code member} (a user or a group) belongs to {@code group}. */
public record Membership(GroupId group, PrincipalId member) {
    public Membership {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(member, "member");
    }
}
