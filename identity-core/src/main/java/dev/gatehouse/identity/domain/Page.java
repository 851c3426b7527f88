package dev.gatehouse.identity.domain;

import java.util.List;

/**
 * One page of a longer result.
 *
 * @param page zero-based page number
 * @param total the number of items over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
