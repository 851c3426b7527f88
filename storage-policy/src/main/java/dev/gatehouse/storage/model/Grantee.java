package dev.gatehouse.storage.model;

import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.Objects;

/** Whom an access entry or a quota names: one user, one group (and so its members, nested too), or every user. */
public sealed interface Grantee {
    /** {@code user:<id>}, {@code group:<id>} or {@code everyone}: the form used in the API and the database. */
    String code();

    static Grantee parse(String field, String code) {
        if ("everyone".equals(code)) {
            return new Everyone();
        }
        if (code != null && code.startsWith("user:")) {
            return new User(UserId.parse(field, code.substring(5)));
        }
        if (code != null && code.startsWith("group:")) {
            return new Group(GroupId.parse(field, code.substring(6)));
        }
        throw ValidationException.of(field, "'" + code + "' names nobody; use user:<id>, group:<id> or everyone");
    }

    record User(UserId id) implements Grantee {
        public User {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String code() {
            return "user:" + id;
        }
    }

    record Group(GroupId id) implements Grantee {
        public Group {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String code() {
            return "group:" + id;
        }
    }

    record Everyone() implements Grantee {
        @Override
        public String code() {
            return "everyone";
        }
    }
}
