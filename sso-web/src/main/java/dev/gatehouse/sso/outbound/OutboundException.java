package dev.gatehouse.sso.outbound;

/** A request to an outside server failed; the message is the precise reason, for the audit log and statuses. */
public class OutboundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutboundException(String message) {
        super(message);
    }
}
