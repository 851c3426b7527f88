package dev.gatehouse.bench;

import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.engine.Decision;
import dev.gatehouse.storage.engine.PolicyIndex;
import dev.gatehouse.storage.model.Action;
import dev.gatehouse.storage.model.FolderPath;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One in-process decision on the benchmark site ({@link BenchWorld}), next to its baseline: a lookup of the same
 * (user, path) pair in a plain {@link HashMap} of precomputed answers. Requests cycle through 4,096 random
 * (user, action, path) triples; the users' group closures are warm, as they are on a running server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {
    private static final int REQUESTS = 4096;

    private PolicyIndex index;
    private UserId[] users;
    private FolderPath[] paths;
    private Action[] actions;
    private String[] keys;
    private Map<String, Boolean> baseline;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        BenchWorld world = new BenchWorld(42);
        index = PolicyIndex.build(world.snapshot);
        Random random = new Random(7);
        users = new UserId[REQUESTS];
        paths = new FolderPath[REQUESTS];
        actions = new Action[REQUESTS];
        keys = new String[REQUESTS];
        baseline = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            users[i] = world.users.get(random.nextInt(world.users.size()));
            paths[i] = FolderPath.parse("path", world.folders.get(random.nextInt(world.folders.size())) + "/file" + i);
            actions[i] = Action.values()[random.nextInt(Action.values().length)];
            keys[i] = users[i] + "|" + actions[i] + "|" + paths[i];
            baseline.put(
                    keys[i], index.decide(users[i], actions[i], paths[i], 0).allowed());
        }
    }

    @Benchmark
    public Decision decision() {
        int i = next++ & (REQUESTS - 1);
        return index.decide(users[i], actions[i], paths[i], 4096);
    }

    @Benchmark
    public Boolean baselineHashMapLookup() {
        int i = next++ & (REQUESTS - 1);
        return baseline.get(keys[i]);
    }

    @Benchmark
    public PolicyIndex buildIndex() {
        return PolicyIndex.build(new BenchWorld(42).snapshot);
    }
}
