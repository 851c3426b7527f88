package dev.gatehouse.storage.model;

import dev.gatehouse.identity.validation.ValidationException;

/** A storage limit in bytes, or unlimited. */
public record QuotaBytes(long bytes) implements Comparable<QuotaBytes> {
    public static final QuotaBytes UNLIMITED = new QuotaBytes(Long.MAX_VALUE);

    public QuotaBytes {
        if (bytes < 0) {
            throw ValidationException.of(
                    "bytes", bytes + " is negative; give a number of bytes, or null for unlimited");
        }
    }

    public boolean isUnlimited() {
        return bytes == Long.MAX_VALUE;
    }

    /** Whether {@code used} plus {@code more} bytes stay within this limit (no overflow). */
    public boolean allows(long used, long more) {
        return isUnlimited() || (more <= bytes && used <= bytes - more);
    }

    @Override
    public int compareTo(QuotaBytes other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return isUnlimited() ? "unlimited" : bytes + " bytes";
    }
}
