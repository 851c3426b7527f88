package dev.gatehouse.sso.cluster;

import dev.gatehouse.identity.credential.FailureCounts;
import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One node alone (the default): every change is applied here only, state lives in this JVM. */
public final class SingleNode implements Cluster {
    private final String id = UUID.randomUUID().toString();
    private final Receiver receiver;
    private final SignInStateStore signInStates = new LocalSignInStateStore();
    private final Map<String, FailureCounts> failureCounts = new ConcurrentHashMap<>();

    public SingleNode(Receiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public String nodeId() {
        return id;
    }

    @Override
    public List<Member> members() {
        return List.of(new Member(id, "", true));
    }

    @Override
    public Confirmation changed(Change change) {
        receiver.apply(change);
        return Confirmation.LOCAL;
    }

    @Override
    public boolean confirmed() {
        return true;
    }

    @Override
    public SignInStateStore signInStates() {
        return signInStates;
    }

    @Override
    public FailureCounts failureCounts(String name) {
        return failureCounts.computeIfAbsent(name, n -> FailureCounts.inMemory());
    }

    @Override
    public void close() {}
}
