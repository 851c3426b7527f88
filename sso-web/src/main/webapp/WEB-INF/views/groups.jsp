<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Groups"/><c:set var="nav" value="groups"/>
<%@ include file="_header.jspf" %>
<h1>Groups of <c:out value="${site.displayName()}"/></h1>
<section class="card">
  <table id="groups">
    <thead><tr><th>Name</th><th>Description</th></tr></thead>
    <tbody>
    <c:forEach var="g" items="${groups.items()}">
      <tr>
        <td><a href="${pageContext.request.contextPath}/console/groups/${g.id()}?site=${site.slug().value()}"><c:out value="${g.name().value()}"/></a></td>
        <td><c:out value="${g.description()}"/></td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
</section>
<section class="card">
  <h2>New group</h2>
  <form method="post" class="grid" id="new-group">
    <input type="hidden" name="_csrf" value="${csrf}">
    <label for="name">Name</label><input type="text" id="name" name="name" required>
    <label for="description">Description</label><input type="text" id="description" name="description">
    <span></span><button type="submit" id="create-group">Create group</button>
  </form>
</section>
<%@ include file="_footer.jspf" %>
