<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Sign-in provider"/><c:set var="nav" value="providers"/>
<%@ include file="_header.jspf" %>
<c:if test="${not empty p}">
<h1>Provider <c:out value="${p.provider().displayName()}"/></h1>
<section class="card">
  <h2>Copy into the identity provider (<c:out value="${p.kind()}"/>)</h2>
  <dl class="grid" id="sp-values">
    <c:forEach var="f" items="${p.copy()}">
      <dt><c:out value="${f.label()}"/></dt><dd><code id="${f.id()}"><c:out value="${f.value()}"/></code></dd>
    </c:forEach>
  </dl>
</section>
<section class="card">
  <h2>Identity provider</h2>
  <dl class="grid">
    <c:forEach var="f" items="${p.details()}">
      <dt><c:out value="${f.label()}"/></dt>
      <dd<c:if test="${not empty f.id()}"> id="${f.id()}"</c:if>><c:choose><c:when test="${f.code()}"><code><c:out value="${f.value()}"/></code></c:when><c:otherwise><c:out value="${f.value()}"/></c:otherwise></c:choose></dd>
    </c:forEach>
  </dl>
  <c:if test="${p.refreshable()}">
    <form method="post" class="inline">
      <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="refresh">
      <button type="submit" class="secondary" id="refresh-metadata">Refresh from the identity provider now</button>
    </form>
  </c:if>
  <form method="post" class="inline">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="delete">
    <button type="submit" class="danger" id="delete-provider">Delete provider</button>
  </form>
</section>
</c:if>
<%@ include file="_footer.jspf" %>
