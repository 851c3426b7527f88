<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- the creation form of an OAuth provider, included by providers.jsp; csrf comes from the including page --%>
<section class="card">
  <h2>New OAuth provider (Entra ID, client secret)</h2>
  <p class="muted">The same Entra app registration as for OpenID Connect, signed in by the authorization code flow
    with the client secret; users are identified by the ID token (tenant ID + object ID). Use it where a storage
    service expects "OAuth" rather than "OpenID Connect"; the user gets the same account either way.</p>
  <form method="post" class="grid" id="new-oauth-provider">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="kind" value="oauth">
    <label for="oauth-displayName">Button name</label><input type="text" id="oauth-displayName" name="displayName" required value="<c:out value='${param.displayName}'/>">
    <label for="oauth-tenantId">Tenant ID</label><input type="text" id="oauth-tenantId" name="tenantId" required maxlength="36" value="<c:out value='${param.tenantId}'/>">
    <label for="oauth-clientId">Client ID</label><input type="text" id="oauth-clientId" name="clientId" required maxlength="36" value="<c:out value='${param.clientId}'/>">
    <label for="oauth-clientSecret">Client secret</label><input type="password" id="oauth-clientSecret" name="clientSecret" required autocomplete="new-password">
    <label for="oauth-secretExpiresOn">Secret expires on</label><input type="date" id="oauth-secretExpiresOn" name="secretExpiresOn" required value="<c:out value='${param.secretExpiresOn}'/>">
    <label for="oauth-issuerUrl">Issuer URL</label><input type="url" id="oauth-issuerUrl" name="issuerUrl" placeholder="empty for Entra" value="<c:out value='${param.issuerUrl}'/>">
    <span></span><label><input type="checkbox" name="justInTime" id="oauth-justInTime" ${not empty param.justInTime ? 'checked' : ''}> Create users at their first sign-in</label>
    <span></span><button type="submit" id="create-oauth-provider">Create provider</button>
  </form>
</section>
