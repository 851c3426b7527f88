package dev.gatehouse.sso.application;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** How this node names itself in leases and logs: its host name and process id. */
final class Nodes {
    private Nodes() {}

    static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "#" + ProcessHandle.current().pid();
    }
}
