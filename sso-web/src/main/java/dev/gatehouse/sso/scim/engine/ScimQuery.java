package dev.gatehouse.sso.scim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of a SCIM list or read: {@code filter} (every RFC 7644 operator, parsed and evaluated by
 * UnboundID's SDK), {@code startIndex} and {@code count} (paging; a {@code count} over {@value ScimSchemas#MAX_RESULTS}
 * is lowered to it), {@code attributes} and {@code excludedAttributes}.
 *
 * <p>A filter is at most {@value #MAX_FILTER_CHARS} characters and {@value #MAX_FILTER_DEPTH} levels of parentheses
 * and brackets deep; anything else, or anything the grammar refuses, is {@code invalidFilter}.
 */
public final class ScimQuery {
    static final int MAX_FILTER_CHARS = 2048;
    static final int MAX_FILTER_DEPTH = 8;
    static final int DEFAULT_COUNT = 100;

    private final Filter filter;
    private final int startIndex;
    private final int count;
    private final Set<String> attributes;
    private final Set<String> excluded;

    private ScimQuery(Filter filter, int startIndex, int count, Set<String> attributes, Set<String> excluded) {
        this.filter = filter;
        this.startIndex = startIndex;
        this.count = count;
        this.attributes = attributes;
        this.excluded = excluded;
    }

    public static ScimQuery of(
            String filter, String startIndex, String count, String attributes, String excludedAttributes) {
        return new ScimQuery(
                filter == null || filter.isBlank() ? null : filter(filter),
                Math.max(1, number("startIndex", startIndex, 1)),
                Math.min(ScimSchemas.MAX_RESULTS, Math.max(0, number("count", count, DEFAULT_COUNT))),
                names(attributes),
                names(excludedAttributes));
    }

    static Filter filter(String text) {
        if (text.length() > MAX_FILTER_CHARS) {
            throw ScimError.invalidFilter("the filter is longer than " + MAX_FILTER_CHARS + " characters");
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                if (++depth > MAX_FILTER_DEPTH) {
                    throw ScimError.invalidFilter("the filter nests deeper than " + MAX_FILTER_DEPTH + " levels");
                }
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            }
        }
        try {
            return Filter.fromString(subAttributeOfValuePath(text));
        } catch (ScimException | RuntimeException e) {
            throw ScimError.invalidFilter("the filter is not valid: " + e.getMessage());
        }
    }

    /**
     * Entra matches users by {@code emails[type eq "work"].value eq "x"}, a sub-attribute after a value filter, which
     * RFC 7644's filter grammar (and UnboundID's parser) has only inside the brackets: it is read as the equivalent
     * {@code emails[type eq "work" and value eq "x"]}.
     */
    static String subAttributeOfValuePath(String text) {
        java.util.regex.Matcher m = VALUE_PATH_SUB_ATTRIBUTE.matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            if (insideString(text, m.start())) {
                continue;
            }
            out.append(text, copied, m.start())
                    .append(m.group(1))
                    .append("[(")
                    .append(m.group(2))
                    .append(") and ")
                    .append(m.group(3))
                    .append(' ')
                    .append(m.group(4) == null ? "pr" : m.group(4) + " " + m.group(5))
                    .append(']');
            copied = m.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether position {@code at} of a filter is inside a quoted string. */
    private static boolean insideString(String text, int at) {
        boolean quoted = false;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    private static final java.util.regex.Pattern VALUE_PATH_SUB_ATTRIBUTE = java.util.regex.Pattern.compile(
            "([A-Za-z][\\w:.-]*)\\[((?:[^\\]\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\]\\.([A-Za-z][\\w]*)\\s+"
                    + "(?i:(eq|ne|co|sw|ew|gt|ge|lt|le)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null|[-+0-9.eE]+)|(pr)\\b)");

    private static int number(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            try {
                long big = Long.parseLong(text.strip());
                return big > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            } catch (NumberFormatException notANumber) {
                throw ScimError.invalidValue(name + " must be a whole number");
            }
        }
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        if (list != null) {
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    public Optional<Filter> filter() {
        return Optional.ofNullable(filter);
    }

    public int startIndex() {
        return startIndex;
    }

    public int count() {
        return count;
    }

    /** Whether the client asked for {@code attribute} to be left out (by {@code excludedAttributes} or a projection). */
    public boolean excludes(String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (excluded.contains(name)) {
            return true;
        }
        return !attributes.isEmpty() && attributes.stream().noneMatch(a -> a.equals(name) || a.startsWith(name + "."));
    }

    public boolean matches(ObjectNode resource) {
        if (filter == null) {
            return true;
        }
        try {
            return FilterEvaluator.evaluate(filter, resource);
        } catch (ScimException e) {
            throw ScimError.invalidFilter("the filter cannot be evaluated: " + e.getMessage());
        }
    }

    /**
     * The value of an equality on {@code attribute} that the whole filter requires ({@code attribute eq "v"}, alone or
     * within {@code and}): the index lookup that narrows the resources the filter is then evaluated on.
     */
    public Optional<String> requiredEquality(String attribute) {
        return filter == null ? Optional.empty() : requiredEquality(filter, attribute);
    }

    private static Optional<String> requiredEquality(Filter filter, String attribute) {
        if (filter.getFilterType() == FilterType.AND) {
            for (Filter part : filter.getCombinedFilters()) {
                Optional<String> found = requiredEquality(part, attribute);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (filter.getFilterType() == FilterType.EQUAL) {
            Path path = filter.getAttributePath();
            String schema = path.getSchemaUrn();
            if (path.size() == 1
                    && path.getElement(0).getValueFilter() == null
                    && path.getElement(0).getAttribute().equalsIgnoreCase(attribute)
                    && (schema == null || Patches.isSchemaUrn(schema))
                    && filter.getComparisonValue() != null
                    && filter.getComparisonValue().isTextual()) {
                return Optional.of(filter.getComparisonValue().asText());
            }
        }
        return Optional.empty();
    }

    /** Applies {@code attributes} and {@code excludedAttributes}; {@code id} and {@code schemas} always stay. */
    public ObjectNode project(ObjectNode resource) {
        if (attributes.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        ObjectNode projected = resource.deepCopy();
        List<String> names = new ArrayList<>();
        projected.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("id") || lower.equals("schemas")) {
                continue;
            }
            if (excluded.contains(lower)) {
                projected.remove(name);
            } else if (!attributes.isEmpty()) {
                JsonNode value = projected.get(name);
                boolean whole = attributes.contains(lower);
                boolean part =
                        attributes.stream().anyMatch(a -> a.startsWith(lower + ".") || a.startsWith(lower + ":"));
                if (!whole && !part) {
                    projected.remove(name);
                } else if (!whole && value instanceof ObjectNode object) {
                    List<String> subs = new ArrayList<>();
                    object.fieldNames().forEachRemaining(subs::add);
                    for (String sub : subs) {
                        String subLower = sub.toLowerCase(Locale.ROOT);
                        if (!attributes.contains(lower + "." + subLower)
                                && !attributes.contains(lower + ":" + subLower)) {
                            object.remove(sub);
                        }
                    }
                }
            }
        }
        return projected;
    }
}
