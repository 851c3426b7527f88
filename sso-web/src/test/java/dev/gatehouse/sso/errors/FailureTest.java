package dev.gatehouse.sso.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.application.BreakGlassException;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.validation.FieldError;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.persistence.DatabaseUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One mapping from failures to answers, for the API, the console and pages. */
class FailureTest {
    @Test
    void fieldErrorsKeepTheirOrderAndJoinPerField() {
        Failure failure = Failure.of(new ValidationException(List.of(
                        new FieldError("login", "is required"),
                        new FieldError("displayName", "is too long"),
                        new FieldError("login", "is not valid"))))
                .orElseThrow();
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.messages()).containsExactly("login: is required; is not valid", "displayName: is too long");
    }

    @Test
    void statusesByKind() {
        assertThat(Failure.of(new NotFoundException("user", "x")).orElseThrow().status())
                .isEqualTo(404);
        assertThat(Failure.of(new BreakGlassException(new SiteSlug("default"), new Login("admin"), "disable"))
                        .orElseThrow()
                        .status())
                .isEqualTo(409);
        Failure outage = Failure.of(new DatabaseUnavailableException(null)).orElseThrow();
        assertThat(outage.status()).isEqualTo(503);
        assertThat(outage.retryAfterSeconds()).isEqualTo(5);
        assertThat(Failure.of(new IllegalStateException("bug"))).isEmpty();
    }
}
