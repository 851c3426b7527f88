package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.application.UserChanges;

/** Builds partial user changes for tests. */
public final class UserChangesFixture {
    private UserChangesFixture() {}

    public static UserChanges state(String state) {
        return new UserChanges(null, null, null, false, state, null, null);
    }
}
