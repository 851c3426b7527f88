<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Sign-in provider"/><c:set var="nav" value="providers"/>
<%@ include file="_header.jspf" %>
<c:if test="${not empty p}">
<h1>Provider <c:out value="${p.provider().displayName()}"/></h1>
<section class="card">
  <h2>Copy into Entra (Basic SAML Configuration)</h2>
  <dl class="grid" id="sp-values">
    <dt>Identifier (Entity ID)</dt><dd><code id="entity-id"><c:out value="${p.status().entityId()}"/></code></dd>
    <dt>Reply URL (ACS)</dt><dd><code id="acs-url"><c:out value="${p.status().acsUrl()}"/></code></dd>
    <dt>Logout URL</dt><dd><code id="slo-url"><c:out value="${p.status().sloUrl()}"/></code></dd>
    <dt>SP metadata</dt><dd><a href="<c:out value='${p.status().spMetadataUrl()}'/>"><c:out value="${p.status().spMetadataUrl()}"/></a></dd>
  </dl>
</section>
<section class="card">
  <h2>Identity provider</h2>
  <dl class="grid">
    <dt>Trust</dt><dd><c:out value="${p.saml().trust()}"/></dd>
    <c:if test="${not empty p.saml().metadataUrl()}">
      <dt>Metadata URL</dt><dd><code><c:out value="${p.saml().metadataUrl()}"/></code></dd>
      <dt>Metadata in use</dt><dd id="metadata-state">
        <c:choose>
          <c:when test="${not empty p.status().metadataFetchedAt()}">fetched <c:out value="${p.status().metadataFetchedAt()}"/></c:when>
          <c:otherwise>none yet</c:otherwise>
        </c:choose>
        <c:if test="${not empty p.status().metadataError()}"><br><span class="error">last refresh failed, the copy above stays in use: <c:out value="${p.status().metadataError()}"/></span></c:if>
      </dd>
    </c:if>
    <c:if test="${not empty p.saml().idpEntityId()}"><dt>Issuer</dt><dd><code><c:out value="${p.saml().idpEntityId()}"/></code></dd></c:if>
    <dt>Just-in-time users</dt><dd>${p.saml().justInTime() ? 'yes' : 'no'}</dd>
    <dt>IdP-initiated sign-in</dt><dd>${p.saml().allowIdpInitiated() ? 'accepted' : 'refused'}</dd>
    <dt>SHA-1</dt><dd>${p.saml().allowSha1() ? 'accepted' : 'refused'}</dd>
    <dt>Clock skew</dt><dd><c:out value="${p.saml().clockSkewSeconds()}"/> s</dd>
  </dl>
  <c:if test="${not empty p.saml().metadataUrl()}">
    <form method="post" class="inline">
      <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="refresh">
      <button type="submit" class="secondary" id="refresh-metadata">Refresh metadata now</button>
    </form>
  </c:if>
  <form method="post" class="inline">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="delete">
    <button type="submit" class="danger" id="delete-provider">Delete provider</button>
  </form>
</section>
</c:if>
<%@ include file="_footer.jspf" %>
