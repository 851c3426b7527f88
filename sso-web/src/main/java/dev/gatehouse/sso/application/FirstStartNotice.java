package dev.gatehouse.sso.application;

import dev.gatehouse.identity.application.FirstStart;

/** The one-time notice that shows a generated first-administrator password on the console. */
final class FirstStartNotice {
    private FirstStartNotice() {}

    static String text(char[] password, String baseUrl) {
        String line = "=".repeat(72);
        return line + "\n"
                + " Gatehouse first start: site '" + FirstStart.DEFAULT_SITE + "' and administrator '"
                + FirstStart.FIRST_ADMIN + "' created.\n"
                + " Generated password (shown only this once): " + new String(password) + "\n"
                + " Sign in at " + baseUrl + "/login and keep this account as the break-glass administrator.\n"
                + " To choose the password instead, set GATEHOUSE_ADMIN_PASSWORD before the first start.\n"
                + line;
    }
}
