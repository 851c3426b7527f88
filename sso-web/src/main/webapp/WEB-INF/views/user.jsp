<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="User"/><c:set var="nav" value="users"/>
<%@ include file="_header.jspf" %>
<c:if test="${not empty user}">
<h1>User <c:out value="${user.login().value()}"/></h1>
<section class="card">
  <form method="post" class="grid" id="edit-user">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="update">
    <label>ID</label><code><c:out value="${user.id()}"/></code>
    <label for="displayName">Display name</label><input type="text" id="displayName" name="displayName" value="<c:out value='${user.displayName()}'/>">
    <label for="email">E-mail</label><input type="email" id="email" name="email" value="<c:out value='${user.email() == null ? "" : user.email().value()}'/>">
    <label for="state">State</label>
    <select id="state" name="state">
      <c:forEach var="s" items="${['ENABLED', 'DISABLED', 'DEPROVISIONED']}">
        <option value="${s}" ${user.state() == s ? 'selected' : ''}>${s}</option>
      </c:forEach>
    </select>
    <label for="authMethod">Signs in with</label>
    <input type="text" id="authMethod" name="authMethod" value="<c:out value='${user.authMethod().code()}'/>">
    <label for="administrator">Administrator</label><input type="checkbox" id="administrator" name="administrator" ${user.administrator() ? 'checked' : ''}>
    <span></span><button type="submit" id="save-user">Save</button>
  </form>
</section>
<section class="card">
  <h2>Groups</h2>
  <ul><c:forEach var="g" items="${groups}"><li><c:out value="${g.name().value()}"/></li></c:forEach></ul>
</section>
<section class="card">
  <h2>Local password</h2>
  <form method="post" class="grid" id="set-password">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="password">
    <label for="new-password">New password</label><input type="password" id="new-password" name="password" autocomplete="new-password">
    <span></span><button type="submit">Set password</button>
  </form>
</section>
<section class="card">
  <form method="post" id="delete-user">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="delete">
    <button type="submit" class="danger">Delete user</button>
  </form>
</section>
</c:if>
<%@ include file="_footer.jspf" %>
