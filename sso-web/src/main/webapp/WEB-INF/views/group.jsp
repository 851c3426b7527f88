<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Group"/><c:set var="nav" value="groups"/>
<%@ include file="_header.jspf" %>
<c:if test="${not empty group}">
<h1>Group <c:out value="${group.name().value()}"/></h1>
<section class="card">
  <h2>Members</h2>
  <table id="members">
    <thead><tr><th>Member</th><th>Kind</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="m" items="${members}">
      <tr>
        <td><c:out value="${m.name()}"/></td><td>${m.kind()}</td>
        <td>
          <form method="post" class="inline">
            <input type="hidden" name="_csrf" value="${csrf}">
            <input type="hidden" name="action" value="remove">
            <input type="hidden" name="kind" value="${m.kind()}">
            <input type="hidden" name="member" value="${m.id()}">
            <button type="submit" class="secondary">Remove</button>
          </form>
        </td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
</section>
<section class="card">
  <h2>Add a user</h2>
  <form method="post" class="grid" id="add-user">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="add-user">
    <label for="member-login">Login</label><input type="text" id="member-login" name="login" required>
    <span></span><button type="submit" id="add-user-button">Add user</button>
  </form>
  <h2>Add a group</h2>
  <form method="post" class="grid" id="add-group">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="add-group">
    <label for="member-group">Group name</label><input type="text" id="member-group" name="name" required>
    <span></span><button type="submit">Add group</button>
  </form>
</section>
<section class="card">
  <h2>Rename</h2>
  <form method="post" class="grid" id="edit-group">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="update">
    <label for="name">Name</label><input type="text" id="name" name="name" value="<c:out value='${group.name().value()}'/>">
    <label for="description">Description</label><input type="text" id="description" name="description" value="<c:out value='${group.description()}'/>">
    <span></span><button type="submit">Save</button>
  </form>
  <form method="post" id="delete-group">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="action" value="delete">
    <button type="submit" class="danger">Delete group</button>
  </form>
</section>
</c:if>
<%@ include file="_footer.jspf" %>
