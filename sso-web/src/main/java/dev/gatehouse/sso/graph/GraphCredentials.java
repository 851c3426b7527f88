package dev.gatehouse.sso.graph;

import dev.gatehouse.identity.domain.Secret;

/**
 * An Entra app's client credentials for Microsoft Graph in one tenant (the user's): Gatehouse asks Graph with the
 * app's own permission ({@code GroupMember.Read.All}, application, admin-consented). {@link #toString()} hides the
 * secret.
 */
public record GraphCredentials(String tenantId, String clientId, Secret clientSecret) {
    @Override
    public String toString() {
        return "GraphCredentials[" + tenantId + " " + clientId + "]";
    }
}
