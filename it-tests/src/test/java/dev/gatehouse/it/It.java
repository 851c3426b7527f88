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
        return property("gatehouse.it.admin-password");
    }
}
