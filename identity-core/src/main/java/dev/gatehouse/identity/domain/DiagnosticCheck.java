package dev.gatehouse.identity.domain;

import java.util.Objects;

/**
 * One line of a diagnostic checklist, such as the directory preflight.
 *
 * @param target what was checked (a domain controller, the domain)
 * @param detail what was found, in the checked system's own words where it gave some
 * @param fix what to do when the check failed ({@code null} when it passed)
 */
public record DiagnosticCheck(String name, String target, boolean passed, String detail, String fix) {
    public DiagnosticCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }

    public static DiagnosticCheck passed(String name, String target, String detail) {
        return new DiagnosticCheck(name, target, true, detail, null);
    }

    public static DiagnosticCheck failed(String name, String target, String detail, String fix) {
        return new DiagnosticCheck(name, target, false, detail, Objects.requireNonNull(fix, "fix"));
    }
}
