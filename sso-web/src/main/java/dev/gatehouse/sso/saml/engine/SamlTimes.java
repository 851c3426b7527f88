package dev.gatehouse.sso.saml.engine;

import dev.gatehouse.sso.saml.engine.SamlException.Reason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.w3c.dom.Element;

/** xs:dateTime as SAML uses it: UTC with a zone designator; up to nine fractional digits (Entra sends seven). */
public final class SamlTimes {
    private SamlTimes() {}

    public static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new SamlException(Reason.MALFORMED, field + " is not an xs:dateTime with a time zone");
        }
    }

    public static Optional<Instant> attribute(Element element, String name) {
        return SamlXml.attribute(element, name).map(text -> parse(element.getLocalName() + "@" + name, text));
    }

    /** The form Gatehouse writes: UTC, milliseconds, {@code Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(
                instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toInstant());
    }
}
