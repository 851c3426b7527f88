package dev.gatehouse.sso.security;

import dev.gatehouse.sso.errors.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request whose declared body is larger than {@value #MAX_BYTES} bytes with 413 before anything reads it, so
 * that the server's own form limit never answers with its 500 page. The largest bodies Gatehouse takes are a SAML
 * response (at most 512 KiB of XML, Base64 in a form) and a provider with uploaded metadata (1 MiB of JSON).
 */
@WebFilter(filterName = "RequestSizeFilter")
public class RequestSizeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** The server's own limit on form bodies (Payara's default max-post-size). */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            if (request.getServletPath().startsWith("/api")) {
                Problems.write(
                        response, 413, "Content Too Large", "the request body is larger than " + MAX_BYTES + " bytes");
            } else {
                response.sendError(413, "The request is too large.");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
