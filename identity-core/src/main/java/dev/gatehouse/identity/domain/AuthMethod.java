package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.Objects;

/**
 * The one way a user authenticates: a local password, a named SSO provider of their site, or the joined directory.
 */
public sealed interface AuthMethod {

    /** The form used in the API and the database: {@code local}, {@code directory} or {@code sso:<provider id>}. */
    String code();

    static AuthMethod parse(String field, String code) {
        if ("local".equals(code)) {
            return new LocalPassword();
        }
        if ("directory".equals(code)) {
            return new Directory();
        }
        if (code != null && code.startsWith("sso:")) {
            return new Sso(ProviderId.parse(field, code.substring(4)));
        }
        throw ValidationException.of(
                field,
                "'" + Texts.printable(code)
                        + "' is not an authentication method; use 'local', 'directory' or 'sso:<provider id>'");
    }

    record LocalPassword() implements AuthMethod {
        @Override
        public String code() {
            return "local";
        }
    }

    record Directory() implements AuthMethod {
        @Override
        public String code() {
            return "directory";
        }
    }

    record Sso(ProviderId provider) implements AuthMethod {
        public Sso {
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public String code() {
            return "sso:" + provider;
        }
    }
}
