<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- the creation form of an OpenID Connect provider, included by providers.jsp; csrf comes from the including page --%>
<section class="card">
  <h2>New OpenID Connect provider (Entra ID)</h2>
  <p class="muted">In Entra: App registrations → New registration (Web). Copy the Directory (tenant) ID and the
    Application (client) ID here; under Certificates &amp; secrets create a client secret and paste its Value and its
    expiry date. Then add the Redirect URI shown on the provider's page under Authentication → Web.</p>
  <form method="post" class="grid" id="new-oidc-provider">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="kind" value="oidc">
    <label for="oidc-displayName">Button name</label><input type="text" id="oidc-displayName" name="displayName" required value="<c:out value='${param.displayName}'/>">
    <label for="oidc-tenantId">Tenant ID</label><input type="text" id="oidc-tenantId" name="tenantId" required maxlength="36" placeholder="36 letters, digits and hyphens" value="<c:out value='${param.tenantId}'/>">
    <label for="oidc-clientId">Client ID</label><input type="text" id="oidc-clientId" name="clientId" required maxlength="36" placeholder="36 letters, digits and hyphens" value="<c:out value='${param.clientId}'/>">
    <label for="oidc-clientSecret">Client secret</label><input type="password" id="oidc-clientSecret" name="clientSecret" autocomplete="new-password">
    <label for="oidc-secretExpiresOn">Secret expires on</label><input type="date" id="oidc-secretExpiresOn" name="secretExpiresOn" value="<c:out value='${param.secretExpiresOn}'/>">
    <label for="oidc-flow">Flow</label>
    <select id="oidc-flow" name="flow">
      <option value="CODE_PKCE" ${param.flow == 'CODE_PKCE' ? 'selected' : ''}>Authorization code + PKCE (recommended)</option>
      <option value="LEGACY_HYBRID" ${param.flow == 'LEGACY_HYBRID' ? 'selected' : ''}>Legacy hybrid: code + ID token (app registrations with "ID tokens" enabled)</option>
      <option value="LEGACY_IMPLICIT" ${param.flow == 'LEGACY_IMPLICIT' ? 'selected' : ''}>Legacy implicit: ID token only (no secret; the token passes through the browser)</option>
    </select>
    <label for="oidc-issuerUrl">Issuer URL</label><input type="url" id="oidc-issuerUrl" name="issuerUrl" placeholder="empty for Entra; another IdP's issuer otherwise" value="<c:out value='${param.issuerUrl}'/>">
    <span></span><label><input type="checkbox" name="multiTenant" id="oidc-multiTenant" ${not empty param.multiTenant ? 'checked' : ''}> Multi-tenant: also users of the tenants below</label>
    <label for="oidc-allowedTenants">Other tenants allowed</label><textarea id="oidc-allowedTenants" name="allowedTenants" rows="2" placeholder="tenant IDs, one per line"><c:out value="${param.allowedTenants}"/></textarea>
    <label for="oidc-clockSkewSeconds">Clock skew (s)</label><input type="number" id="oidc-clockSkewSeconds" name="clockSkewSeconds" min="0" max="600" value="<c:out value='${empty param.clockSkewSeconds ? 120 : param.clockSkewSeconds}'/>">
    <span></span><label><input type="checkbox" name="justInTime" id="oidc-justInTime" ${not empty param.justInTime ? 'checked' : ''}> Create users at their first sign-in</label>
    <span></span><button type="submit" id="create-oidc-provider">Create provider</button>
  </form>
</section>
