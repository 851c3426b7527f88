<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- the creation form of a SAML provider, included by providers.jsp; csrf comes from the including page --%>
<section class="card">
  <h2>New SAML provider (Entra ID)</h2>
  <p class="muted">In Entra: Enterprise applications → New application → Create your own application → Single sign-on →
    SAML. Give Gatehouse the App Federation Metadata Url (or the Federation Metadata XML); then copy the Identifier,
    Reply URL and Logout URL shown on the provider's page back into Entra.</p>
  <form method="post" class="grid" id="new-provider">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="kind" value="saml">
    <label for="displayName">Button name</label><input type="text" id="displayName" name="displayName" required value="<c:out value='${param.displayName}'/>">
    <label for="trust">Trust</label>
    <select id="trust" name="trust">
      <option value="METADATA_URL" ${param.trust == 'METADATA_URL' ? 'selected' : ''}>Metadata URL (refreshed)</option>
      <option value="METADATA_XML" ${param.trust == 'METADATA_XML' ? 'selected' : ''}>Metadata XML (uploaded)</option>
      <option value="CERTIFICATE_FINGERPRINT" ${param.trust == 'CERTIFICATE_FINGERPRINT' ? 'selected' : ''}>Certificate fingerprint</option>
    </select>
    <label for="metadataUrl">Metadata URL</label><input type="url" id="metadataUrl" name="metadataUrl" value="<c:out value='${param.metadataUrl}'/>">
    <label for="metadataXml">Metadata XML</label><textarea id="metadataXml" name="metadataXml" rows="4"><c:out value="${param.metadataXml}"/></textarea>
    <label for="certificateSha256">Certificate SHA-256</label><input type="text" id="certificateSha256" name="certificateSha256" value="<c:out value='${param.certificateSha256}'/>">
    <label for="idpEntityId">IdP issuer</label><input type="text" id="idpEntityId" name="idpEntityId" placeholder="https://sts.windows.net/&lt;tenant id&gt;/" value="<c:out value='${param.idpEntityId}'/>">
    <label for="ssoUrl">IdP sign-in URL</label><input type="url" id="ssoUrl" name="ssoUrl" value="<c:out value='${param.ssoUrl}'/>">
    <label for="sloUrl">IdP logout URL</label><input type="url" id="sloUrl" name="sloUrl" value="<c:out value='${param.sloUrl}'/>">
    <label for="tenantId">Entra tenant ID</label><input type="text" id="tenantId" name="tenantId" placeholder="only for an IdP that is not Entra itself" value="<c:out value='${param.tenantId}'/>">
    <label for="entityIdSuffix">Entity ID suffix</label><input type="text" id="entityIdSuffix" name="entityIdSuffix" value="<c:out value='${param.entityIdSuffix}'/>">
    <label for="graphClientId">Graph app client ID</label><input type="text" id="graphClientId" name="graphClientId" maxlength="36" placeholder="optional: for users in more than 150 groups, and group names" value="<c:out value='${param.graphClientId}'/>">
    <label for="graphClientSecret">Graph app secret</label><input type="password" id="graphClientSecret" name="graphClientSecret" autocomplete="new-password">
    <label for="graphSecretExpiresOn">Graph secret expires on</label><input type="date" id="graphSecretExpiresOn" name="graphSecretExpiresOn" value="<c:out value='${param.graphSecretExpiresOn}'/>">
    <label for="clockSkewSeconds">Clock skew (s)</label><input type="number" id="clockSkewSeconds" name="clockSkewSeconds" min="0" max="600" value="<c:out value='${empty param.clockSkewSeconds ? 120 : param.clockSkewSeconds}'/>">
    <span></span><label><input type="checkbox" name="justInTime" id="justInTime" ${not empty param.justInTime ? 'checked' : ''}> Create users at their first sign-in</label>
    <span></span><label><input type="checkbox" name="allowIdpInitiated" id="allowIdpInitiated" ${not empty param.allowIdpInitiated ? 'checked' : ''}> Accept sign-ins started in Entra (IdP-initiated)</label>
    <span></span><label><input type="checkbox" name="allowSha1" id="allowSha1" ${not empty param.allowSha1 ? 'checked' : ''}> Accept SHA-1 signatures (only if Entra is set to SHA-1)</label>
    <span></span><button type="submit" id="create-provider">Create provider</button>
  </form>
</section>
