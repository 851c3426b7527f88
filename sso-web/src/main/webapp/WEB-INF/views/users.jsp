<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Users"/><c:set var="nav" value="users"/>
<%@ include file="_header.jspf" %>
<h1>Users of <c:out value="${site.displayName()}"/></h1>
<section class="card">
  <table id="users">
    <thead><tr><th>Login</th><th>Name</th><th>E-mail</th><th>Sign-in</th><th>State</th><th>Role</th></tr></thead>
    <tbody>
    <c:forEach var="u" items="${users.items()}">
      <tr>
        <td><a href="${pageContext.request.contextPath}/console/users/${u.id()}?site=${site.slug().value()}"><c:out value="${u.login().value()}"/></a></td>
        <td><c:out value="${u.displayName()}"/></td>
        <td><c:out value="${u.email() == null ? '' : u.email().value()}"/></td>
        <td><c:out value="${u.authMethod().code()}"/></td>
        <td><c:out value="${u.state()}"/></td>
        <td>${u.administrator() ? 'Administrator' : ''}</td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  <p class="muted">${users.total()} user(s).</p>
</section>
<section class="card">
  <h2>New user</h2>
  <form method="post" class="grid" id="new-user">
    <input type="hidden" name="_csrf" value="${csrf}">
    <label for="login">Login</label><input type="text" id="login" name="login" required>
    <label for="displayName">Display name</label><input type="text" id="displayName" name="displayName" required>
    <label for="email">E-mail</label><input type="email" id="email" name="email">
    <label for="authMethod">Signs in with</label>
    <select id="authMethod" name="authMethod">
      <option value="local">Local password</option>
      <option value="directory">Directory (domain password)</option>
    </select>
    <label for="password">Password</label><input type="password" id="password" name="password" autocomplete="new-password">
    <label for="administrator">Administrator</label><input type="checkbox" id="administrator" name="administrator">
    <span></span><button type="submit" id="create-user">Create user</button>
  </form>
</section>
<%@ include file="_footer.jspf" %>
