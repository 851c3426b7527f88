<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Credentials"/><c:set var="nav" value="credentials"/>
<%@ include file="_header.jspf" %>
<h1>Expiring credentials of <c:out value="${site.displayName()}"/></h1>
<%@ include file="_shown-secret.jspf" %>
<section class="card">
  <p class="muted">Everything of this site that expires, soonest first: SCIM tokens, API tokens, app passwords, client
    secrets of sign-in providers and the signing certificates of SAML providers. Alerts go to the audit log 30, 7 and 1
    days before expiry.</p>
  <table id="credentials">
    <thead><tr><th>Expires (UTC)</th><th>State</th><th>Kind</th><th>Name</th><th>When it expires</th><th>To renew</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="cr" items="${credentials}">
      <tr class="state-${cr.state()}">
        <td><c:out value="${cr.expiresOn()}"/><c:if test="${cr.daysLeft() >= 0 and cr.daysLeft() < 100000}"><br><span class="muted">${cr.daysLeft()} day(s)</span></c:if></td>
        <td><strong><c:out value="${cr.state()}"/></strong></td>
        <td><c:out value="${cr.type()}"/></td>
        <td><c:out value="${cr.name()}"/><c:if test="${not empty cr.lastUsedAt()}"><br><span class="muted">last used <c:out value="${cr.lastUsedAt()}"/></span></c:if></td>
        <td><c:out value="${cr.whenExpired()}"/></td>
        <td><c:out value="${cr.howToRenew()}"/></td>
        <td>
          <c:if test="${cr.type() == 'SCIM_TOKEN' or cr.type() == 'API_TOKEN' or cr.type() == 'APP_PASSWORD'}">
            <form method="post" class="inline">
              <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="id" value="${cr.id()}">
              <input type="date" name="expiresAt" aria-label="New expiry" required>
              <button type="submit" name="action" value="extend" class="secondary">Extend</button>
            </form>
            <form method="post" class="inline">
              <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="id" value="${cr.id()}">
              <button type="submit" name="action" value="reset" class="secondary">Reset</button>
              <button type="submit" name="action" value="revoke" class="secondary">Revoke</button>
            </form>
          </c:if>
        </td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
</section>
<%@ include file="_footer.jspf" %>
