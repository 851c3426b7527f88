package dev.gatehouse.sso.security;

import jakarta.servlet.http.HttpServletResponse;

/** Response headers shared by every page. */
public final class Pages {
    private Pages() {}

    /** Pages that show account data or carry a CSRF token are never cached. */
    public static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
