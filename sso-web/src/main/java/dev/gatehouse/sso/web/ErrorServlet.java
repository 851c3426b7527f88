package dev.gatehouse.sso.web;

import dev.gatehouse.sso.errors.Problems;
import dev.gatehouse.sso.security.Pages;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gatehouse's answer for every error the server itself would otherwise render (the error page of {@code web.xml}): a
 * problem document under {@code /api}, a plain page elsewhere; never the server's name, version or a stack trace.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            LOG.log(
                    Level.SEVERE,
                    "Unexpected failure answering " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure);
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String message = status >= 500 ? null : (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // the container's own messages are bare reason phrases ("Not Found"): say something a person understands
        String text = message == null || message.isBlank() || message.equalsIgnoreCase(title(status))
                ? describe(status)
                : message;
        response.setStatus(status);
        Pages.noStore(response);
        if (uri.startsWith(request.getContextPath() + "/api")) {
            response.resetBuffer();
            Problems.write(response, status, title(status), text);
            return;
        }
        request.setAttribute("status", status);
        request.setAttribute("message", text);
        request.getRequestDispatcher("/WEB-INF/views/error.jsp").forward(request, response);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "There is no page at this address.";
            case 405 -> "This page does not take this kind of request.";
            case 413 -> "The request is too large.";
            case 503 -> "Gatehouse is not available right now. Try again in a moment.";
            default -> status >= 500
                    ? "Something went wrong on our side. The server log has the details."
                    : "The request could not be answered.";
        };
    }
}
