package dev.gatehouse.sso.saml.web;

import dev.gatehouse.sso.saml.engine.SamlException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The page a user sees when single sign-on does not work: what happened in plain words, and a way back. */
final class SsoPages {
    private SsoPages() {}

    /** What the user is told when a SAML message or the identity in it is refused; the details go to the audit log. */
    static String refusal(RuntimeException e) {
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

    static void error(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException, ServletException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute("message", message);
        request.getRequestDispatcher("/WEB-INF/views/sso-error.jsp").forward(request, response);
    }
}
