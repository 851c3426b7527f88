<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Directory"/><c:set var="nav" value="directory"/>
<%@ include file="_header.jspf" %>
<h1>Directory of <c:out value="${site.displayName()}"/></h1>
<section class="card">
  <p class="muted">Users of an Active Directory domain or Entra Domain Services sign in with their domain password, on
    the login page and through the storage servers' authentication API. Gatehouse binds with the user's UPN over LDAPS
    (or StartTLS), never in clear.</p>
  <form method="post" class="grid" id="directory-settings">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="save">
    <label for="domain">Domain</label>
    <input type="text" id="domain" name="domain" required placeholder="aaddscontoso.onmicrosoft.com" value="<c:out value='${directory.domain()}'/>">
    <label for="controllers">Domain controllers (in order)</label>
    <input type="text" id="controllers" name="controllers" required placeholder="10.0.1.4 10.0.1.5" value="<c:out value='${controllers}'/>">
    <label for="transport">Transport</label>
    <select id="transport" name="transport">
      <option value="ldaps" ${directory.transport() == 'STARTTLS' ? '' : 'selected'}>LDAPS (636)</option>
      <option value="starttls" ${directory.transport() == 'STARTTLS' ? 'selected' : ''}>StartTLS (389)</option>
    </select>
    <label for="trustedCertificates">Trusted certificates (PEM)</label>
    <textarea id="trustedCertificates" name="trustedCertificates" rows="6" required placeholder="-----BEGIN CERTIFICATE-----"><c:out value="${directory.trustedCertificates()}"/></textarea>
    <label for="justInTime">Create users at their first sign-in</label>
    <input type="checkbox" id="justInTime" name="justInTime" ${empty directory or directory.justInTime() ? 'checked' : ''}>
    <span></span><button type="submit" id="save-directory">Save</button>
  </form>
</section>
<c:if test="${not empty directory}">
<section class="card">
  <h2>Preflight</h2>
  <form method="post" class="inline">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="preflight">
    <button type="submit" id="run-preflight">Run the preflight</button>
  </form>
  <c:if test="${not empty checks}">
    <p id="preflight-result"><strong>${preflightPassed ? 'Every check passed.' : 'Some checks failed; each says how to fix it.'}</strong></p>
    <table id="preflight">
      <thead><tr><th>Controller</th><th>Check</th><th>Result</th><th>Found</th><th>Fix</th></tr></thead>
      <tbody>
      <c:forEach var="k" items="${checks}">
        <tr><td><c:out value="${k.target()}"/></td><td><c:out value="${k.name()}"/></td><td>${k.passed() ? 'passed' : 'FAILED'}</td><td><c:out value="${k.detail()}"/></td><td><c:out value="${k.fix()}"/></td></tr>
      </c:forEach>
      </tbody>
    </table>
  </c:if>
</section>
</c:if>
<%@ include file="_footer.jspf" %>
