package dev.gatehouse.sso.signin;

/**
 * The {@code settings} of a provider as an administrator sent them, from the API's JSON or the console's form: absent
 * values read as {@code null}; a value of the wrong type is refused with the field's name ({@code settings.x}).
 */
public interface SettingsInput {
    String string(String field);

    Boolean bool(String field);

    Integer integer(String field);

    /** A list of texts: a JSON array of strings, or in a form one field with the values separated by commas or lines. */
    java.util.List<String> strings(String field);

    /** A date, {@code YYYY-MM-DD}. */
    default java.time.LocalDate date(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw dev.gatehouse.identity.validation.ValidationException.of(
                    "settings." + field, "'" + text + "' is not a date; use YYYY-MM-DD, such as 2027-06-30");
        }
    }
}
