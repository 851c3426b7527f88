package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.EmailAddress;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.PasswordHash;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
final class UserEntity {
    @Id
    UUID id;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(nullable = false, length = 256)
    String login;

    @Column(name = "display_name", nullable = false, length = 256)
    String displayName;

    @Column(length = 320)
    String email;

    @Column(nullable = false, length = 20)
    String state;

    @Column(name = "auth_method", nullable = false, length = 60)
    String authMethod;

    @Column(nullable = false)
    boolean administrator;

    @Column(name = "password_hash", length = 200)
    String passwordHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected UserEntity() {}

    UserEntity(User user) {
        id = user.id().value();
        siteId = user.site().value();
        update(user);
    }

    void update(User user) {
        login = user.login().value();
        displayName = user.displayName();
        email = user.emailAddress().map(EmailAddress::value).orElse(null);
        state = user.state().name();
        authMethod = user.authMethod().code();
        administrator = user.administrator();
        passwordHash = user.password().map(PasswordHash::encoded).orElse(null);
        createdAt = user.createdAt();
        updatedAt = user.updatedAt();
    }

    User toDomain() {
        return new User(
                new UserId(id),
                new SiteId(siteId),
                new Login(login),
                displayName,
                email == null ? null : new EmailAddress(email),
                UserState.valueOf(state),
                AuthMethod.parse("authMethod", authMethod),
                administrator,
                passwordHash == null ? null : new PasswordHash(passwordHash),
                createdAt,
                updatedAt);
    }
}
