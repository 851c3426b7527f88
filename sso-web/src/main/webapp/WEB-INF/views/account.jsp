<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>App passwords · Gatehouse</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/static/gatehouse.css">
</head>
<body>
<main class="login">
  <section class="card">
    <h1>App passwords of <c:out value="${user.login().value()}"/></h1>
    <p>File clients (SFTP, WebDAV, SMB) cannot use single sign-on. Give each client its own app password and sign in
      there with your login <code><c:out value="${user.login().value()}"/></code>. An app password works only for file
      clients, expires after a year, and stops working when you revoke it or your account is disabled.</p>
    <c:if test="${not empty errors}">
      <div class="errors" role="alert"><ul><c:forEach var="e" items="${errors}"><li><c:out value="${e}"/></li></c:forEach></ul></div>
    </c:if>
    <c:if test="${not empty created}">
      <div class="notice" id="new-app-password">
        <p>Copy the app password for <strong><c:out value="${created.name()}"/></strong> now; it is shown this once:</p>
        <p><code id="new-app-password-value"><c:out value="${created.secret()}"/></code></p>
      </div>
    </c:if>
    <table id="app-passwords">
      <thead><tr><th>Name</th><th>Expires (UTC)</th><th>Last used</th><th></th></tr></thead>
      <tbody>
      <c:forEach var="p" items="${appPasswords}">
        <tr>
          <td><c:out value="${p.name()}"/></td>
          <td><c:out value="${p.expiresOn()}"/></td>
          <td><c:out value="${p.lastUsedAt()}"/></td>
          <td>
            <form method="post" class="inline">
              <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="id" value="${p.id()}">
              <button type="submit" name="action" value="revoke" class="secondary">Revoke</button>
            </form>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    <form method="post" id="new-app-password-form">
      <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="create">
      <label for="name">New app password for</label>
      <input type="text" id="name" name="name" required placeholder="WinSCP on my laptop">
      <button type="submit" id="create-app-password">Create</button>
    </form>
    <p><a href="${pageContext.request.contextPath}/">Back</a></p>
  </section>
</main>
</body>
</html>
