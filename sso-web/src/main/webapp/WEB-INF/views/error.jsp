<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Error <c:out value="${status}"/> · Gatehouse</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/static/gatehouse.css">
</head>
<body>
<main class="login">
  <section class="card">
    <h1>Error <c:out value="${status}"/></h1>
    <div class="errors" role="alert" id="error-message"><c:out value="${message}"/></div>
    <p><a href="${pageContext.request.contextPath}/login">Back to the sign-in page</a></p>
  </section>
</main>
</body>
</html>
