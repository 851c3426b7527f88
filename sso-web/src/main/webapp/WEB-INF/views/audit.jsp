<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Audit log"/><c:set var="nav" value="audit"/>
<%@ include file="_header.jspf" %>
<h1>Audit log of <c:out value="${site.displayName()}"/></h1>
<section class="card">
  <table id="audit">
    <thead><tr><th>Time (UTC)</th><th>Actor</th><th>Event</th><th>Target</th><th>Detail</th></tr></thead>
    <tbody>
    <c:forEach var="e" items="${events.items()}">
      <tr>
        <td><c:out value="${e.at()}"/></td>
        <td><c:out value="${e.actor()}"/></td>
        <td><c:out value="${e.type()}"/>${e.success() ? '' : ' (refused)'}</td>
        <td><code><c:out value="${e.target()}"/></code></td>
        <td><c:out value="${e.detail()}"/></td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  <p class="muted">Newest ${events.items().size()} of ${events.total()} event(s). The full log is at <code>/api/v1/audit</code>.</p>
</section>
<%@ include file="_footer.jspf" %>
