<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Sign-in providers"/><c:set var="nav" value="providers"/>
<%@ include file="_header.jspf" %>
<h1>Sign-in providers of <c:out value="${site.displayName()}"/></h1>
<section class="card">
  <table id="providers">
    <thead><tr><th>Name</th><th>Kind</th><th>Copy into the identity provider</th><th>State</th></tr></thead>
    <tbody>
    <c:forEach var="p" items="${providers}">
      <tr>
        <td><a href="${pageContext.request.contextPath}/console/providers/${p.provider().id()}?site=${site.slug().value()}"><c:out value="${p.provider().displayName()}"/></a></td>
        <td><c:out value="${p.kind()}"/></td>
        <td><c:if test="${not empty p.copy()}"><code><c:out value="${p.copy()[0].value()}"/></code></c:if></td>
        <td><c:forEach var="f" items="${p.details()}"><c:if test="${not empty f.id()}"><c:out value="${f.value()}"/></c:if></c:forEach></td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
</section>
<c:forEach var="form" items="${forms}">
  <jsp:include page="${form.page()}"/>
</c:forEach>
<%@ include file="_footer.jspf" %>
