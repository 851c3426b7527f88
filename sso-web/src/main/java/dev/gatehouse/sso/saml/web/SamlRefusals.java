package dev.gatehouse.sso.saml.web;

import dev.gatehouse.sso.saml.engine.SamlException;

/** What a user is told when a SAML message is refused, in plain words; the details go to the audit log. */
final class SamlRefusals {
    private SamlRefusals() {}

    /** What the user is told when a SAML message or the identity in it is refused; the details go to the audit log. */
    static String message(RuntimeException e) {
        if (!(e instanceof SamlException saml)) {
            return "Your identity provider did not send what Gatehouse needs to identify you. Ask your administrator.";
        }
        return switch (saml.reason()) {
            case EXPIRED -> "The sign-in took too long or your computer's clock is off. Start again.";
            case REPLAYED -> "This sign-in was already used. Start again from the sign-in page.";
            case UNEXPECTED -> "This sign-in was not started here or has expired. Start again from the sign-in page.";
            case IDP_REFUSED -> "Your identity provider did not sign you in.";
            case WRONG_PARTY -> "The sign-in was meant for another application. Ask your administrator to check the"
                    + " SAML settings.";
            default -> "The sign-in response could not be accepted. Ask your administrator to check the SAML"
                    + " settings.";
        };
    }
}
