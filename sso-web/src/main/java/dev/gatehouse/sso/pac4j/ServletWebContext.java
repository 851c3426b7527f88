package dev.gatehouse.sso.pac4j;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;

/**
 * pac4j's {@link WebContext} over a servlet request and response. pac4j publishes no Jakarta EE adapter for its 6.5
 * line on Maven Central (pac4j-jakartaee stops at 6.3.1), so this one is ours; it is deliberately small.
 */
public final class ServletWebContext implements WebContext {
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    public ServletWebContext(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    public HttpServletRequest request() {
        return request;
    }

    @Override
    public Optional<String> getRequestParameter(String name) {
        return Optional.ofNullable(request.getParameter(name));
    }

    @Override
    public Map<String, String[]> getRequestParameters() {
        return request.getParameterMap();
    }

    @Override
    public Optional<Object> getRequestAttribute(String name) {
        return Optional.ofNullable(request.getAttribute(name));
    }

    @Override
    public void setRequestAttribute(String name, Object value) {
        request.setAttribute(name, value);
    }

    @Override
    public Optional<String> getRequestHeader(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    @Override
    public String getRemoteAddr() {
        return request.getRemoteAddr();
    }

    @Override
    public void setResponseHeader(String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    public Optional<String> getResponseHeader(String name) {
        return Optional.ofNullable(response.getHeader(name));
    }

    @Override
    public void setResponseContentType(String content) {
        response.setContentType(content);
    }

    @Override
    public String getServerName() {
        return request.getServerName();
    }

    @Override
    public int getServerPort() {
        return request.getServerPort();
    }

    @Override
    public String getScheme() {
        return request.getScheme();
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }

    @Override
    public String getFullRequestURL() {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    @Override
    public Collection<Cookie> getRequestCookies() {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        return cookies == null
                ? java.util.List.of()
                : Arrays.stream(cookies)
                        .map(c -> new Cookie(c.getName(), c.getValue()))
                        .toList();
    }

    @Override
    public void addResponseCookie(Cookie cookie) {
        throw new UnsupportedOperationException("Gatehouse sets no cookies through pac4j");
    }

    @Override
    public String getPath() {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    public Optional<String> getQueryString() {
        return Optional.ofNullable(request.getQueryString());
    }
}
