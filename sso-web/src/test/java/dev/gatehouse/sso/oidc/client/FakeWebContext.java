package dev.gatehouse.sso.oidc.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;

/** A request as pac4j sees it, built by a test: method, form parameters, cookies, attributes. */
final class FakeWebContext implements WebContext {
    final String method;
    final Map<String, String[]> parameters = new HashMap<>();
    final Map<String, Object> attributes = new HashMap<>();
    final List<Cookie> cookies = new ArrayList<>();

    FakeWebContext(String method) {
        this.method = method;
    }

    FakeWebContext param(String name, String value) {
        parameters.put(name, new String[] {value});
        return this;
    }

    FakeWebContext cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    @Override
    public Optional<String> getRequestParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? Optional.empty() : Optional.of(values[0]);
    }

    @Override
    public Map<String, String[]> getRequestParameters() {
        return parameters;
    }

    @Override
    public Optional<Object> getRequestAttribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    @Override
    public void setRequestAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public Optional<String> getRequestHeader(String name) {
        return Optional.empty();
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public void setResponseHeader(String name, String value) {}

    @Override
    public Optional<String> getResponseHeader(String name) {
        return Optional.empty();
    }

    @Override
    public void setResponseContentType(String content) {}

    @Override
    public String getServerName() {
        return "127.0.0.1";
    }

    @Override
    public int getServerPort() {
        return 8080;
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public String getFullRequestURL() {
        return "http://127.0.0.1:8080/oidc/x/callback";
    }

    @Override
    public Collection<Cookie> getRequestCookies() {
        return cookies;
    }

    @Override
    public void addResponseCookie(Cookie cookie) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getPath() {
        return "/oidc/x/callback";
    }
}
