<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Provisioning"/><c:set var="nav" value="scim"/>
<%@ include file="_header.jspf" %>
<h1>Provisioning (SCIM) of <c:out value="${site.displayName()}"/></h1>
<%@ include file="_shown-secret.jspf" %>
<section class="card">
  <h2>Entra's provisioning app</h2>
  <p>Tenant URL: <code id="tenant-url"><c:out value="${tenantUrl}"/></code></p>
  <p class="muted">In Entra: Enterprise applications → the app → Provisioning → Automatic. Paste the tenant URL and a
    token's secret, then Test Connection.</p>
  <form method="post" class="grid" id="scim-settings">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="settings">
    <label for="newUserMethod">New users sign in with</label>
    <select id="newUserMethod" name="newUserMethod">
      <option value="local" ${settings.newUserMethod().code() == 'local' ? 'selected' : ''}>a local password</option>
      <option value="directory" ${settings.newUserMethod().code() == 'directory' ? 'selected' : ''}>the directory</option>
      <c:forEach var="p" items="${providers}">
        <option value="sso:${p.id()}" ${settings.newUserMethod().code() == 'sso:'.concat(p.id()) ? 'selected' : ''}><c:out value="${p.displayName()}"/></option>
      </c:forEach>
    </select>
    <label for="tenantId">Entra tenant ID</label><input type="text" id="tenantId" name="tenantId" value="${settings.tenant()}">
    <label for="objectIdAttribute">Attribute holding Entra's objectId</label><input type="text" id="objectIdAttribute" name="objectIdAttribute" value="<c:out value='${settings.objectIdAttribute()}'/>" placeholder="externalId">
    <label for="deletePolicy">A deleted user is</label>
    <select id="deletePolicy" name="deletePolicy">
      <option value="disable" ${settings.deletePolicy() == 'DISABLE' ? 'selected' : ''}>deprovisioned and unlinked (kept for the audit)</option>
      <option value="delete" ${settings.deletePolicy() == 'DELETE' ? 'selected' : ''}>deleted</option>
    </select>
    <label for="displayNameFrom">Display name from</label>
    <select id="displayNameFrom" name="displayNameFrom">
      <option value="name" ${settings.displayNameFrom() == 'NAME' ? 'selected' : ''}>givenName + familyName</option>
      <option value="displayName" ${settings.displayNameFrom() == 'DISPLAY_NAME' ? 'selected' : ''}>displayName</option>
    </select>
    <label for="emailFrom">E-mail from</label>
    <select id="emailFrom" name="emailFrom">
      <option value="emails" ${settings.emailFrom() == 'EMAILS' ? 'selected' : ''}>emails (primary, else work)</option>
      <option value="userName" ${settings.emailFrom() == 'USER_NAME' ? 'selected' : ''}>userName</option>
    </select>
    <label for="tokenScheme">Clients authenticate with</label>
    <select id="tokenScheme" name="tokenScheme">
      <option value="bearer" ${settings.tokenScheme() == 'BEARER' ? 'selected' : ''}>a bearer token</option>
      <option value="basic" ${settings.tokenScheme() == 'BASIC' ? 'selected' : ''}>HTTP Basic</option>
    </select>
    <span></span><button type="submit" id="save-scim-settings">Save</button>
  </form>
</section>
<section class="card">
  <h2>SCIM tokens</h2>
  <table id="scim-tokens">
    <thead><tr><th>Name</th><th>Expires (UTC)</th><th>State</th><th>Last used</th></tr></thead>
    <tbody>
    <c:forEach var="t" items="${tokens}">
      <tr><td><c:out value="${t.name()}"/></td><td><c:out value="${t.expiresOn()}"/></td><td><c:out value="${t.state()}"/></td><td><c:out value="${t.lastUsedAt()}"/></td></tr>
    </c:forEach>
    </tbody>
  </table>
  <p class="muted">Extend, reset and revoke tokens under <a href="${pageContext.request.contextPath}/console/credentials?site=${site.slug().value()}">Credentials</a>.</p>
  <form method="post" class="grid" id="new-scim-token">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="create-token">
    <label for="token-name">Name</label><input type="text" id="token-name" name="name" required placeholder="Entra provisioning">
    <label for="token-expiry">Expires (default one year)</label><input type="date" id="token-expiry" name="expiresAt">
    <span></span><button type="submit" id="create-scim-token">Create token</button>
  </form>
</section>
<section class="card">
  <h2>Provisioning log</h2>
  <form method="get" class="inline" id="log-filter">
    <input type="hidden" name="site" value="${site.slug().value()}">
    <label for="logMethod">Method</label>
    <select id="logMethod" name="logMethod">
      <c:forEach var="m" items="${['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']}">
        <option value="${m}" ${param.logMethod == m ? 'selected' : ''}>${empty m ? 'any' : m}</option>
      </c:forEach>
    </select>
    <label for="logResource">Resource starts with</label>
    <input type="text" id="logResource" name="logResource" value="<c:out value='${param.logResource}'/>" placeholder="Users/…">
    <label><input type="checkbox" name="logFailures" ${param.logFailures == 'on' ? 'checked' : ''}> failures only</label>
    <button type="submit" class="secondary">Filter</button>
  </form>
  <table id="provisioning-log">
    <thead><tr><th>Time (UTC)</th><th>Request</th><th>Status</th><th>Outcome</th><th>Changed</th><th>ms</th></tr></thead>
    <tbody>
    <c:forEach var="e" items="${log.items()}">
      <tr>
        <td><c:out value="${e.at()}"/></td>
        <td><c:out value="${e.method()}"/> <code><c:out value="${e.resource()}"/></code></td>
        <td><c:out value="${e.status()}"/></td>
        <td><c:out value="${e.outcome()}"/></td>
        <td><c:out value="${e.changed()}"/></td>
        <td><c:out value="${e.durationMillis()}"/></td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  <p class="muted">Newest ${log.items().size()} of ${log.total()} request(s); all of them at <code>/api/v1/sites/${site.slug().value()}/scim/log</code>.</p>
</section>
<%@ include file="_footer.jspf" %>
