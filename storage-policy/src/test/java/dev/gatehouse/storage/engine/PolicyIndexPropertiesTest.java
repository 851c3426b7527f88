package dev.gatehouse.storage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.model.Action;
import dev.gatehouse.storage.model.FolderPath;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine against {@link ReferenceEvaluator} on 2,000 random worlds: every user, every path, every action, with
 * random write sizes. A failure names the seed that reproduces it.
 */
class PolicyIndexPropertiesTest {
    @Test
    void agreesWithTheReferenceEvaluatorOnRandomWorlds() {
        int checked = 0;
        for (long seed = 1; seed <= 2_000; seed++) {
            RandomWorld world = new RandomWorld(seed);
            PolicyIndex index = PolicyIndex.build(world.snapshot);
            ReferenceEvaluator reference = new ReferenceEvaluator(world.snapshot);
            Random random = new Random(seed);
            for (UserId user : world.users) {
                for (FolderPath path : world.paths) {
                    Action action = Action.values()[random.nextInt(Action.values().length)];
                    long bytes = random.nextInt(3) == 0 ? 0 : random.nextInt(1500);
                    Decision decision = index.decide(user, action, path, bytes);
                    String context = "seed " + seed + ", user " + user + ", " + action + " " + path + " (" + bytes
                            + " bytes): " + decision.reason();
                    assertThat(decision.right()).as(context).isEqualTo(reference.right(user, path));
                    assertThat(decision.allowed()).as(context).isEqualTo(reference.allowed(user, action, path, bytes));
                    assertThat(index.explain(user, path).right()).as(context).isEqualTo(decision.right());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }
}
