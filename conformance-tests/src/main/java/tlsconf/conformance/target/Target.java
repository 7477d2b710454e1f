package tlsconf.conformance.target;

import java.util.Set;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * What is tested: one implementation in one role. A target announces what it supports so the runner can skip
 * inapplicable checks with a reason, and opens one fresh connection per scenario.
 */
public interface Target extends AutoCloseable {

    /** The target's spec name, used in known-deviation files: {@code reference}, {@code openssl}, ... */
    String name();

    /** For reports: {@code openssl s_server 3.0.19 at 127.0.0.1:4433}. */
    String description();

    /** The role the target plays (the test peer plays the other). */
    Role role();

    Set<TlsVersion> versions();

    Set<Capability> capabilities();

    /**
     * Prepares the target (starts a process, checks the address is reachable). Throws {@link
     * TargetSetupException} with a one-line reason when it cannot be tested.
     */
    void start();

    /**
     * Whether scenarios may be played against this target from several threads at once (in-process targets with
     * one engine per scenario). Process and socket targets say no: their results must not depend on load.
     */
    default boolean concurrent() {
        return false;
    }

    /** A fresh connection for one scenario; the target is ready to handshake when this returns. */
    Connection open(Scenario scenario);

    /** Stops whatever {@link #start()} started. Idempotent. */
    @Override
    void close();
}
