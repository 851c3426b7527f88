package dev.gatehouse.storage.engine;

import dev.gatehouse.storage.model.Right;

/**
 * The answer to "may this user do this on this path": allowed or not, the user's effective right on the path, and
 * the reason in words (which entry, through which group, or which quota).
 */
public record Decision(boolean allowed, Right right, String reason) {
    static Decision deny(Right right, String reason) {
        return new Decision(false, right, reason);
    }
}
