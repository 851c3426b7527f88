package dev.gatehouse.it;

/** The settings the build passes to the integration tests; a missing one fails the test that needs it. */
final class It {
    private It() {}

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the integration tests with"
                    + " scripts/test-all.sh (or mvn verify -Pit with the properties it sets)");
        }
        return value;
    }

    static int port() {
        return Integer.parseInt(property("gatehouse.it.port"));
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    static String adminPassword() {
        return secret(property("gatehouse.it.admin-password"));
    }

    /** Every secret the tests were handed (tokens, app passwords, passwords): none may appear in the server log. */
    static final java.util.Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Notes {@code value} as a secret that must never reach the server log, and returns it. */
    static String secret(String value) {
        SECRETS.add(value);
        return value;
    }
}
