package dev.gatehouse.sso.config;

import java.util.List;

/** A process setting is wrong; stops the deployment with every problem listed. */
public class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(List<String> problems) {
        super("Gatehouse cannot start: " + String.join("; ", problems));
    }

    public SettingsException(String problem) {
        this(List.of(problem));
    }
}
