<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="title" value="Directory"/><c:set var="nav" value="directory"/>
<%@ include file="_header.jspf" %>
<h1>Directory of <c:out value="${site.displayName()}"/></h1>
<section class="card">
  <p class="muted">Users of an Active Directory domain or Entra Domain Services sign in with their domain password, on
    the login page and through the storage servers' authentication API. Gatehouse binds with the user's UPN over LDAPS
    (or StartTLS), never in clear.</p>
  <form method="post" class="grid" id="directory-settings">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="save">
    <label for="domain">Domain</label>
    <input type="text" id="domain" name="domain" required placeholder="aaddscontoso.onmicrosoft.com" value="<c:out value='${directory.domain()}'/>">
    <label for="controllers">Domain controllers (in order)</label>
    <input type="text" id="controllers" name="controllers" required placeholder="10.0.1.4 10.0.1.5" value="<c:out value='${controllers}'/>">
    <label for="transport">Transport</label>
    <select id="transport" name="transport">
      <option value="ldaps" ${directory.transport() == 'STARTTLS' ? '' : 'selected'}>LDAPS (636)</option>
      <option value="starttls" ${directory.transport() == 'STARTTLS' ? 'selected' : ''}>StartTLS (389)</option>
    </select>
    <label for="trustedCertificates">Trusted certificates (PEM)</label>
    <textarea id="trustedCertificates" name="trustedCertificates" rows="6" required placeholder="-----BEGIN CERTIFICATE-----"><c:out value="${directory.trustedCertificates()}"/></textarea>
    <label for="justInTime">Create users at their first sign-in</label>
    <input type="checkbox" id="justInTime" name="justInTime" ${empty directory or directory.justInTime() ? 'checked' : ''}>
    <label for="serviceAccount">Sync: service account (UPN or DN)</label>
    <input type="text" id="serviceAccount" name="serviceAccount" placeholder="svc-gatehouse@aaddscontoso.onmicrosoft.com" value="<c:out value='${directory.serviceAccount() == null ? "" : directory.serviceAccount().name()}'/>">
    <label for="servicePassword">Sync: service account password</label>
    <input type="password" id="servicePassword" name="servicePassword" autocomplete="new-password" placeholder="${not empty directory and directory.serviceAccount() != null ? 'stored; type to replace' : ''}">
    <label for="searchBase">Sync: search base (empty: the whole domain)</label>
    <input type="text" id="searchBase" name="searchBase" placeholder="OU=AADDC Users,DC=aaddscontoso,DC=onmicrosoft,DC=com" value="<c:out value='${directory.searchBase()}'/>">
    <label for="tenantId">Entra tenant ID (links msDS-aadObjectId)</label>
    <input type="text" id="tenantId" name="tenantId" placeholder="Entra Domain Services only" value="<c:out value='${directory.tenant()}'/>">
    <label for="syncIntervalMinutes">Sync every (minutes; 0: on demand)</label>
    <input type="number" id="syncIntervalMinutes" name="syncIntervalMinutes" min="0" max="10080" placeholder="60" value="<c:out value='${directory.serviceAccount() == null ? "" : directory.syncIntervalMinutes()}'/>">
    <label for="machineName">Join: computer name (NetBIOS, 15 characters)</label>
    <input type="text" id="machineName" name="machineName" maxlength="15" placeholder="GATEHOUSE01" value="<c:out value='${directory.machineName()}'/>">
    <label for="computerOu">Join: computer OU (empty: the default)</label>
    <input type="text" id="computerOu" name="computerOu" placeholder="<c:out value='${empty directory ? "CN=Computers,…" : directory.computerContainer()}'/>" value="<c:out value='${directory.computerOu()}'/>">
    <span></span><button type="submit" id="save-directory">Save</button>
  </form>
</section>
<c:if test="${not empty directory}">
<section class="card">
  <h2>Preflight</h2>
  <form method="post" class="inline">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="preflight">
    <button type="submit" id="run-preflight">Run the preflight</button>
  </form>
  <c:if test="${not empty checks}">
    <p id="preflight-result"><strong>${preflightPassed ? 'Every check passed.' : 'Some checks failed; each says how to fix it.'}</strong></p>
    <table id="preflight">
      <thead><tr><th>Controller</th><th>Check</th><th>Result</th><th>Found</th><th>Fix</th></tr></thead>
      <tbody>
      <c:forEach var="k" items="${checks}">
        <tr><td><c:out value="${k.target()}"/></td><td><c:out value="${k.name()}"/></td><td>${k.passed() ? 'passed' : 'FAILED'}</td><td><c:out value="${k.detail()}"/></td><td><c:out value="${k.fix()}"/></td></tr>
      </c:forEach>
      </tbody>
    </table>
  </c:if>
</section>
</c:if>
<c:if test="${not empty directory and directory.serviceAccount() != null}">
<section class="card" id="domain-join">
  <h2>Domain membership</h2>
  <c:if test="${not empty healthProblem}">
    <p class="alert" id="health-alert">The membership check of <c:out value="${healthProblem.at()}"/> failed:
      <c:out value="${healthProblem.detail()}"/></p>
  </c:if>
  <c:if test="${not empty job and job.state() == 'RUNNING'}"><meta http-equiv="refresh" content="2"></c:if>
  <c:choose>
    <c:when test="${not empty membership}">
      <p id="membership">Member of <c:out value="${directory.domain()}"/> as <strong><c:out value="${membership.machineName()}"/></strong>
        (<c:out value="${membership.computerDn()}"/>, key version ${membership.keyVersion()}, joined <c:out value="${membership.joinedAt()}"/>).</p>
      <form method="post" class="inline">
        <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="health">
        <button type="submit" id="check-health">Check the membership</button>
      </form>
      <form method="post" class="inline">
        <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="leave">
        <button type="submit" id="leave-domain" class="danger">Leave the domain</button>
      </form>
    </c:when>
    <c:otherwise>
      <p class="muted">Joining creates Gatehouse's computer account <c:out value="${directory.machineName()}"/> in
        <c:out value="${directory.computerContainer()}"/> as the service account, with AES-only Kerberos keys in a keytab
        proven by a Kerberos login. A failed step removes what the join created.</p>
      <form method="post" class="inline">
        <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="join">
        <button type="submit" id="join-domain">Join the domain</button>
      </form>
    </c:otherwise>
  </c:choose>
  <c:if test="${not empty health}">
    <p id="health-result"><strong>${healthPassed ? 'The membership works.' : 'The membership has a problem; each failed line says how to fix it.'}</strong></p>
    <table id="health">
      <thead><tr><th>Check</th><th>Result</th><th>Found</th><th>Fix</th></tr></thead>
      <tbody><c:forEach var="k" items="${health}">
        <tr><td><c:out value="${k.name()}"/></td><td>${k.passed() ? 'passed' : 'FAILED'}</td><td><c:out value="${k.detail()}"/></td><td><c:out value="${k.fix()}"/></td></tr>
      </c:forEach></tbody>
    </table>
  </c:if>
  <c:if test="${not empty job}">
    <h3>Latest <c:out value="${job.kind() == 'JOIN' ? 'join' : 'leave'}"/>: <span id="job-state"><c:out value="${job.state()}"/></span></h3>
    <table id="job-steps">
      <thead><tr><th>Step</th><th>State</th><th>Detail</th><th>At</th></tr></thead>
      <tbody><c:forEach var="st" items="${job.steps()}">
        <tr><td><c:out value="${st.name()}"/></td><td><c:out value="${st.state()}"/></td><td><c:out value="${st.detail()}"/></td><td><c:out value="${st.at()}"/></td></tr>
      </c:forEach></tbody>
    </table>
  </c:if>
</section>
<section class="card">
  <h2>Sync</h2>
  <p class="muted">Users and groups under the search base become Gatehouse users and groups, linked by objectGUID. A
    user disabled in or gone from the directory is disabled here, never deleted. Incremental runs read only what changed
    on the controller since its last run.</p>
  <form method="post" class="inline" id="sync-form">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="action" value="sync">
    <select name="mode" id="sync-mode"><option value="incremental">Incremental</option><option value="full">Full</option></select>
    <label><input type="checkbox" name="dryRun" id="sync-dry-run"> Dry run (preview, change nothing)</label>
    <button type="submit" id="run-sync">Run the sync</button>
  </form>
  <c:if test="${not empty lastRun}">
    <p id="sync-result"><strong><c:out value="${lastRun.dryRun() ? 'Dry run' : 'Run'} ${lastRun.outcome()}"/></strong>:
      <c:out value="${lastRun.counts()}"/></p>
    <c:if test="${not empty lastRun.detail()}"><pre id="sync-detail"><c:forEach var="line" items="${lastRun.detail()}"><c:out value="${line}"/>
</c:forEach></pre></c:if>
  </c:if>
  <h3>Sync log</h3>
  <table id="sync-runs">
    <thead><tr><th>Started</th><th>Mode</th><th>Trigger</th><th>Outcome</th><th>Created</th><th>Updated</th><th>Disabled</th><th>Groups +/~/-</th><th>Memberships</th><th>Errors</th><th>Duration</th></tr></thead>
    <tbody>
    <c:forEach var="r" items="${runs}">
      <tr><td><c:out value="${r.startedAt()}"/></td><td><c:out value="${r.mode()}${r.dryRun() ? ' (dry run)' : ''}"/></td><td><c:out value="${r.trigger()}"/></td>
        <td><c:out value="${r.outcome()}"/></td><td>${r.counts().usersCreated()}</td><td>${r.counts().usersUpdated()}</td><td>${r.counts().usersDisabled()}</td>
        <td>${r.counts().groupsCreated()}/${r.counts().groupsUpdated()}/${r.counts().groupsDeleted()}</td><td>${r.counts().membershipsChanged()}</td>
        <td title="<c:out value='${r.detail()}'/>">${r.errors()}</td><td><c:out value="${r.duration().toMillis()} ms"/></td></tr>
    </c:forEach>
    </tbody>
  </table>
</section>
</c:if>
<%@ include file="_footer.jspf" %>
