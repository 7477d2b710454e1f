package tlsconf.conformance.run;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.peer.TestPeer;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.target.Target;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.PlayResult;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Test doubles for unit tests of the runner alone: a target that opens no real connection and a peer whose
 * "target" reacts by a given function. The real targets and peer are tested against real TLS elsewhere.
 */
final class FakeHarness {
    private FakeHarness() {
    }

    static Harness of(Role role, Set<Capability> caps, Predicate<Fault> supported,
                      Function<Scenario, Observation> reaction) {
        Target target = new Target() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public String description() {
                return "fake " + role.cliName();
            }

            @Override
            public Role role() {
                return role;
            }

            @Override
            public Set<TlsVersion> versions() {
                return EnumSet.of(TlsVersion.TLS_1_3);
            }

            @Override
            public Set<Capability> capabilities() {
                return caps;
            }

            @Override
            public void start() {
            }

            @Override
            public Connection open(Scenario scenario) {
                return new Connection() {
                    @Override
                    public void send(byte[] bytes) {
                    }

                    @Override
                    public Received receive(Duration timeout) {
                        return new Received.Silence();
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        TestPeer peer = new TestPeer() {
            @Override
            public PlayResult play(Scenario scenario, Connection connection) {
                return new PlayResult(reaction.apply(scenario), List.of("fake: " + scenario.describe()));
            }

            @Override
            public boolean supports(Fault fault) {
                return supported.test(fault);
            }
        };
        return new Harness(target, peer);
    }
}
