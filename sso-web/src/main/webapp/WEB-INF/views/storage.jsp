<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Storage"/><c:set var="nav" value="storage"/>
<%@ include file="_header.jspf" %>
<h1>Storage policy of <c:out value="${site.displayName()}"/></h1>
<section class="card">
  <h2>Effective access</h2>
  <form method="get" class="grid" id="explain">
    <input type="hidden" name="site" value="${site.slug().value()}">
    <label for="explainUser">User (login)</label><input type="text" id="explainUser" name="explainUser" value="<c:out value='${param.explainUser}'/>">
    <label for="explainPath">Path</label><input type="text" id="explainPath" name="explainPath" value="<c:out value='${param.explainPath}'/>">
    <span></span><button type="submit" id="explain-button">Explain</button>
  </form>
  <c:if test="${not empty explanation}">
    <div id="explanation">
      <p>Right: <strong id="explained-right"><c:out value="${explanation.right()}"/></strong> —
        <c:out value="${explanation.reason()}"/></p>
      <table>
        <thead><tr><th>Entry on</th><th>For</th><th>Right</th><th>Applies to the user</th><th>Through</th></tr></thead>
        <tbody>
        <c:forEach var="a" items="${explanation.entries()}">
          <tr>
            <td><code><c:out value="${a.definedOn()}"/></code>${a.inherited() ? ' (inherited)' : ''}</td>
            <td><c:out value="${names[a.entry().grantee().code()]}"/></td>
            <td><c:out value="${a.entry().right()}"/></td>
            <td>${a.matches() ? 'yes' : 'no'}</td>
            <td><c:forEach var="g" items="${a.via()}" varStatus="s"><c:out value="${g}"/>${s.last ? '' : ' → '}</c:forEach></td>
          </tr>
        </c:forEach>
        </tbody>
      </table>
      <p class="muted">Quota: <c:out value="${explanation.quota()}"/> (<c:out value="${explanation.quotaSource()}"/>);
        in use: ${explanation.usageBytes()} bytes.</p>
    </div>
  </c:if>
</section>
<section class="card">
  <h2>Shared folders</h2>
  <table id="folders">
    <thead><tr><th>Name</th><th>Path</th></tr></thead>
    <tbody>
    <c:forEach var="f" items="${folders}">
      <tr><td><c:out value="${f.name()}"/></td><td><code><c:out value="${f.path()}"/></code></td></tr>
    </c:forEach>
    </tbody>
  </table>
  <form method="post" class="grid" id="new-folder">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="create-folder">
    <label for="folder-name">Name</label><input type="text" id="folder-name" name="name" required>
    <label for="folder-path">Path</label><input type="text" id="folder-path" name="path" placeholder="/finance" required>
    <span></span><button type="submit" id="create-folder">Create shared folder</button>
  </form>
</section>
<section class="card">
  <h2>Access entries</h2>
  <table id="entries">
    <thead><tr><th>Path</th><th>For</th><th>Right</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="e" items="${entries}">
      <tr>
        <td><code><c:out value="${e.path()}"/></code></td>
        <td><c:out value="${names[e.grantee().code()]}"/></td>
        <td><c:out value="${e.right()}"/></td>
        <td>
          <form method="post" class="inline">
            <input type="hidden" name="_csrf" value="${csrf}">
            <input type="hidden" name="action" value="remove-entry">
            <input type="hidden" name="entry" value="${e.id()}">
            <button type="submit" class="secondary">Remove</button>
          </form>
        </td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  <form method="post" class="grid" id="set-entry">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="set-entry">
    <input type="hidden" name="explainUser" value="<c:out value='${param.explainUser}'/>">
    <input type="hidden" name="explainPath" value="<c:out value='${param.explainPath}'/>">
    <label for="entry-path">Path</label><input type="text" id="entry-path" name="path" required>
    <label for="entry-grantee">For</label><input type="text" id="entry-grantee" name="grantee" placeholder="everyone, user:jane.doe or group:Finance" required>
    <label for="entry-right">Right</label>
    <select id="entry-right" name="right">
      <option value="READ_ONLY">Read-only</option>
      <option value="READ_WRITE">Read-write</option>
      <option value="DENY">Deny</option>
    </select>
    <span></span><button type="submit" id="set-entry-button">Set entry</button>
  </form>
  <h2>Subfolders that also inherit their parent's entries</h2>
  <ul><c:forEach var="i" items="${inheritance}"><c:if test="${i.inheritsParent()}"><li><code><c:out value="${i.path()}"/></code></li></c:if></c:forEach></ul>
  <form method="post" class="grid" id="set-inheritance">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="set-inheritance">
    <label for="inherit-path">Path</label><input type="text" id="inherit-path" name="path" required>
    <label for="inherit-flag">Also inherit</label><input type="checkbox" id="inherit-flag" name="inheritsParent">
    <span></span><button type="submit">Save</button>
  </form>
</section>
<section class="card">
  <h2>Quotas</h2>
  <table id="quotas">
    <thead><tr><th>For</th><th>Limit</th></tr></thead>
    <tbody>
    <c:forEach var="q" items="${quotas}">
      <tr><td><c:out value="${names[q.grantee().code()]}"/></td><td><c:out value="${q.limit()}"/></td></tr>
    </c:forEach>
    </tbody>
  </table>
  <form method="post" class="grid" id="set-quota">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="set-quota">
    <label for="quota-grantee">For</label><input type="text" id="quota-grantee" name="grantee" placeholder="user:jane.doe or group:Finance" required>
    <label for="quota-bytes">Bytes</label><input type="text" id="quota-bytes" name="bytes" placeholder="empty for unlimited">
    <span></span><button type="submit">Set quota</button>
  </form>
</section>
<%@ include file="_footer.jspf" %>
