<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Gatehouse</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/static/gatehouse.css">
</head>
<body>
<main class="login">
  <section class="card">
    <h1>Sign in to <c:out value="${site.displayName()}"/></h1>
    <c:choose>
      <c:when test="${not empty signedIn}">
        <p>You are signed in as <strong><c:out value="${signedIn.login()}"/></strong>.</p>
        <p><a href="${pageContext.request.contextPath}/account" id="app-passwords-link">App passwords for file clients</a></p>
        <form method="post" action="${pageContext.request.contextPath}/logout">
          <input type="hidden" name="_csrf" value="${csrf}">
          <button type="submit" class="secondary">Sign out</button>
        </form>
      </c:when>
      <c:otherwise>
        <c:if test="${not empty ssoProviders}">
          <div class="providers" id="sso-providers">
            <c:forEach var="p" items="${ssoProviders}">
              <a class="button sso" href="${pageContext.request.contextPath}${p.href()}"><c:out value="${p.label()}"/></a>
            </c:forEach>
          </div>
        </c:if>
        <c:if test="${not empty error}">
          <div class="errors" role="alert"><c:out value="${error}"/></div>
        </c:if>
        <form method="post" action="${pageContext.request.contextPath}/login">
          <input type="hidden" name="_csrf" value="${csrf}">
          <input type="hidden" name="site" value="${site.slug().value()}">
          <label for="login">Login</label>
          <input type="text" id="login" name="login" autocomplete="username" required autofocus>
          <label for="password">Password</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required>
          <button type="submit" id="sign-in">Sign in</button>
        </form>
      </c:otherwise>
    </c:choose>
  </section>
</main>
</body>
</html>
