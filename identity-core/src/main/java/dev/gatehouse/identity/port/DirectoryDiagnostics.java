package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.DiagnosticCheck;
import dev.gatehouse.identity.domain.DirectorySettings;
import java.util.List;

/**
 * Checks, before anyone relies on it, that the site's directory can be reached as configured: name resolution, each
 * controller's reachability, its certificate (chain, host name, expiry), its root DSE and clock. Never throws for what
 * it finds: every finding is a line of the checklist, with a fix for a failure.
 */
public interface DirectoryDiagnostics {
    List<DiagnosticCheck> preflight(DirectorySettings settings);
}
