package dev.gatehouse.sso.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsrfTest {
    private static final URI BASE = URI.create("https://gatehouse.example.com");

    @Test
    void acceptsNoOriginTheServersOwnOriginAndTheBaseUrl() {
        assertThat(Csrf.originAllowed(request(null), BASE)).isTrue();
        assertThat(Csrf.originAllowed(request("http://127.0.0.1:8080"), BASE)).isTrue();
        assertThat(Csrf.originAllowed(request("https://gatehouse.example.com"), BASE))
                .isTrue();
    }

    @Test
    void refusesEveryOtherOrigin() {
        assertThat(Csrf.originAllowed(request("https://evil.example"), BASE)).isFalse();
        assertThat(Csrf.originAllowed(request("http://127.0.0.1:8081"), BASE)).isFalse();
        assertThat(Csrf.originAllowed(request("https://127.0.0.1:8080"), BASE)).isFalse();
        assertThat(Csrf.originAllowed(request("null"), BASE)).isFalse();
        assertThat(Csrf.originAllowed(request("http://gatehouse.example.com"), BASE))
                .isFalse();
    }

    /** A request that reached the server as http://127.0.0.1:8080 with the given Origin header. */
    private static HttpServletRequest request(String origin) {
        Map<String, Object> answers = Map.of("getScheme", "http", "getServerName", "127.0.0.1", "getServerPort", 8080);
        return (HttpServletRequest) Proxy.newProxyInstance(
                CsrfTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return "Origin".equals(args[0]) ? origin : null;
                    }
                    return answers.get(method.getName());
                });
    }
}
