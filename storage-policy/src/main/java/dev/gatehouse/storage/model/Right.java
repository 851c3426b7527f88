package dev.gatehouse.storage.model;

/**
 * A privilege on a folder, as QNAP and TrueNAS name them. {@link #DENY} beats every allow; among allows,
 * {@link #READ_WRITE} beats {@link #READ_ONLY}. {@link #NONE} is the result when no entry applies.
 */
public enum Right {
    NONE,
    READ_ONLY,
    READ_WRITE,
    DENY;

    public boolean permits(Action action) {
        return switch (this) {
            case READ_WRITE -> true;
            case READ_ONLY -> action == Action.READ || action == Action.LIST;
            case NONE, DENY -> false;
        };
    }
}
