package dev.gatehouse.sso.oidc.web;

import dev.gatehouse.sso.oidc.engine.OidcException;

/** What a user is told when an OpenID Connect answer is refused, in plain words; the details go to the audit log. */
final class OidcRefusals {
    private OidcRefusals() {}

    static String message(RuntimeException e) {
        if (!(e instanceof OidcException oidc)) {
            return "Your identity provider did not send what Gatehouse needs to identify you. Ask your administrator.";
        }
        return switch (oidc.reason()) {
            case STATE -> "This sign-in was not started in this browser, was already used or has expired. Start again"
                    + " from the sign-in page.";
            case TIME -> "The sign-in took too long or your computer's clock is off. Start again.";
            case PROVIDER_ERROR -> "Your identity provider did not sign you in.";
            case TENANT -> "Your organisation is not allowed to sign in here. Ask your administrator.";
            case UNAVAILABLE -> "Your identity provider could not be reached. Try again in a minute.";
            default -> "The sign-in response could not be accepted. Ask your administrator to check the OpenID"
                    + " Connect settings.";
        };
    }
}
