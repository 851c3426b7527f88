package dev.gatehouse.identity.domain;

import java.util.UUID;

/** Something that can be a member of a group, or be named in an access entry: a user or a group. */
public sealed interface PrincipalId permits UserId, GroupId {
    UUID value();
}
