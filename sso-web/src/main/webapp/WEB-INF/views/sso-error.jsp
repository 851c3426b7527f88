<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in did not work · Gatehouse</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/static/gatehouse.css">
</head>
<body>
<main class="login">
  <section class="card">
    <h1>Sign-in did not work</h1>
    <div class="errors" role="alert" id="sso-error"><c:out value="${message}"/></div>
    <p><a href="${pageContext.request.contextPath}/login">Back to the sign-in page</a></p>
  </section>
</main>
</body>
</html>
