package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.ValidationException;

/** Which page to read: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        if (page < 0) {
            throw ValidationException.of("page", page + " is negative; pages count from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.of("size", size + " is out of range; use 1 to " + MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }
}
