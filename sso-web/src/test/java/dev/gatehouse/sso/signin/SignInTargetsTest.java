package dev.gatehouse.sso.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.SiteSlug;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S13: RelayState never becomes an open redirect. */
class SignInTargetsTest {
    final Site parent = new Site(SiteId.random(), new SiteSlug("corp"), "Corp", null, Instant.EPOCH);
    final Site child = new Site(SiteId.random(), new SiteSlug("child"), "Child", parent.id(), Instant.EPOCH);
    final Map<String, Site> tree = Map.of("corp", parent, "child", child);

    SignInTargets.Target resolve(String relayState) {
        return SignInTargets.resolve(relayState, parent, slug -> Optional.ofNullable(tree.get(slug)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example",
                "/\\evil.example",
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                "/%2f%2fevil.example",
                "/\t/evil.example",
                "/console/../../evil",
                "/?site=other",
                "other",
                "/login?next=https://evil.example",
                ""
            })
    void hostileOrUnknownRelayStatesLandOnTheProviderSitesStartPage(String relayState) {
        assertThat(resolve(relayState)).isEqualTo(new SignInTargets.Target(parent, "/?site=corp"));
    }

    @Test
    void childSiteBySlug() {
        assertThat(resolve("child")).isEqualTo(new SignInTargets.Target(child, "/?site=child"));
    }

    @Test
    void childSiteByStartPage() {
        assertThat(resolve("/?site=child")).isEqualTo(new SignInTargets.Target(child, "/?site=child"));
    }

    @Test
    void consolePathOfTheProviderSite() {
        assertThat(resolve("/console/users")).isEqualTo(new SignInTargets.Target(parent, "/console/users"));
    }
}
