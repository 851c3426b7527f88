<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0;url=<c:out value='${location}'/>">
<title>Signing out · Gatehouse</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/static/gatehouse.css">
</head>
<body>
<main class="login">
  <section class="card">
    <h1>Signing out</h1>
    <p>You are signed out of Gatehouse. Your identity provider signs you out next.</p>
    <p><a id="continue" href="<c:out value='${location}'/>">Continue</a></p>
  </section>
</main>
</body>
</html>
