package dev.gatehouse.sso.security;

import dev.gatehouse.sso.errors.Failure;
import dev.gatehouse.sso.errors.Problems;
import dev.gatehouse.sso.persistence.DatabaseUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 503 with {@code Retry-After} when the database is unreachable, for pages and the API alike, instead of a
 * stack trace. The transaction that met the outage was rolled back, so nothing is half-written.
 */
@WebFilter(filterName = "DatabaseOutageFilter", urlPatterns = "/*")
public class DatabaseOutageFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (DatabaseUnavailableException e) {
            unavailable(request, response);
        } catch (ServletException e) {
            if (!(e.getRootCause() instanceof DatabaseUnavailableException)) {
                throw e;
            }
            unavailable(request, response);
        }
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        Failure failure = Failure.of(new DatabaseUnavailableException(null)).orElseThrow();
        response.setHeader("Retry-After", String.valueOf(failure.retryAfterSeconds()));
        if (request.getServletPath().startsWith("/api")) {
            Problems.write(response, failure.status(), failure.title(), failure.detail());
        } else {
            response.sendError(503, "Gatehouse cannot reach its database right now. Try again in a moment.");
        }
    }
}
