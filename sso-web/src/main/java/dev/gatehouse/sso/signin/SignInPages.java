package dev.gatehouse.sso.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The page a user sees when single sign-on does not work: what happened in plain words, and a way back. */
public final class SignInPages {
    private SignInPages() {}

    public static void error(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException, ServletException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute("message", message);
        request.getRequestDispatcher("/WEB-INF/views/sso-error.jsp").forward(request, response);
    }
}
