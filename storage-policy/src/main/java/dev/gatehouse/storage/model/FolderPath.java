package dev.gatehouse.storage.model;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An absolute path inside a site's storage, such as {@code /finance/reports/2026}.
 *
 * <p><b>Normalisation.</b> A path starts with {@code /}; segments are separated by single slashes; one trailing slash
 * is dropped ({@code /finance/} is {@code /finance}). Paths are case-sensitive, as on the storage servers. Refused, with
 * a message naming the field: an empty or relative path, an empty segment ({@code //}), the segments {@code .} and
 * {@code ..}, backslashes, control characters (NUL included), a segment longer than 255 characters and a path longer
 * than 4096. Nothing is resolved or guessed: a storage server that sends {@code ..} gets a 400, not a different
 * folder.
 */
public final class FolderPath {
    public static final int MAX_LENGTH = 4096;
    public static final int MAX_SEGMENT = 255;
    public static final FolderPath ROOT = new FolderPath("/", List.of());

    private final String value;
    private final List<String> segments;

    private FolderPath(String value, List<String> segments) {
        this.value = value;
        this.segments = segments;
    }

    /** @param field the input's name, used in the error */
    public static FolderPath parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw invalid(field, text, "is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(field, text, "is longer than " + MAX_LENGTH + " characters");
        }
        if (text.charAt(0) != '/') {
            throw invalid(field, text, "is not absolute; start it with /");
        }
        if (text.equals("/")) {
            return ROOT;
        }
        String body = text.endsWith("/") ? text.substring(1, text.length() - 1) : text.substring(1);
        List<String> segments = new ArrayList<>();
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid(field, text, "has an empty segment (//); use single slashes");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid(field, text, "contains '" + segment + "'; send the resolved path");
            }
            if (segment.length() > MAX_SEGMENT) {
                throw invalid(field, text, "has a segment longer than " + MAX_SEGMENT + " characters");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (Character.isISOControl(c) || c == '\\') {
                    throw invalid(field, text, "contains a control character or a backslash; use / between segments");
                }
            }
            segments.add(segment);
        }
        return new FolderPath("/" + String.join("/", segments), List.copyOf(segments));
    }

    private static ValidationException invalid(String field, String text, String problem) {
        return ValidationException.of(
                field, "'" + Texts.printable(text) + "' " + problem + " (a path is absolute, like /finance/reports)");
    }

    public List<String> segments() {
        return segments;
    }

    public int depth() {
        return segments.size();
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public Optional<FolderPath> parent() {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        List<String> up = segments.subList(0, segments.size() - 1);
        return Optional.of(up.isEmpty() ? ROOT : new FolderPath("/" + String.join("/", up), List.copyOf(up)));
    }

    /** Whether this path is {@code other} or lies below it. */
    public boolean isWithin(FolderPath other) {
        return other.segments.size() <= segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FolderPath other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
