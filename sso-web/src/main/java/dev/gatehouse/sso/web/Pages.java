package dev.gatehouse.sso.web;

import jakarta.servlet.http.HttpServletResponse;

/** Response headers shared by every page. */
final class Pages {
    private Pages() {}

    /** Pages that show account data or carry a CSRF token are never cached. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
