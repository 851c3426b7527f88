package dev.gatehouse.sso.api;

import dev.gatehouse.sso.errors.Failure;
import dev.gatehouse.sso.errors.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure of the API into an {@code application/problem+json} answer with the right status. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Optional<Failure> expected = Failure.of(failure);
        if (expected.isPresent()) {
            Failure f = expected.get();
            Response response = problem(f.status(), f.title(), f.detail(), f.fields());
            return f.retryAfterSeconds() == 0
                    ? response
                    : Response.fromResponse(response)
                            .header("Retry-After", String.valueOf(f.retryAfterSeconds()))
                            .build();
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String reason = Response.Status.fromStatusCode(status) == null
                    ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            String detail = status == 413 ? web.getMessage() : describe(status, reason);
            return problem(status, reason, detail, Map.of());
        }
        LOG.log(Level.SEVERE, "Unexpected failure in the admin API", failure);
        return problem(
                500, "Internal Server Error", "an unexpected error occurred; the server log has the details", Map.of());
    }

    private static String describe(int status, String reason) {
        return switch (status) {
            case 404 -> "there is no API resource at this path; see /openapi";
            case 405 -> "this method is not allowed on this resource; see /openapi";
            case 406 -> "the API answers application/json only";
            case 415 -> "send the body as application/json";
            default -> reason;
        };
    }

    static Response problem(int status, String title, String detail, Map<String, String> fields) {
        return Response.status(status)
                .type(Problems.MEDIA_TYPE)
                .entity(Problems.problem(status, title, detail, fields).build().toString())
                .build();
    }
}
