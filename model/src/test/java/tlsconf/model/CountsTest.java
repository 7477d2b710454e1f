package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tlsconf.model.generate.DeviationKind;
import tlsconf.model.generate.ModelCounts;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** Prints the figures of every model (target/surefire-reports/tlsconf.model.CountsTest-output.txt). */
class CountsTest {

    @Test
    void printCounts() {
        for (Model m : Models.all()) {
            ModelCounts c = ModelCounts.of(m);
            System.out.println(m.title() + ": " + c.states() + " states, " + c.transitions() + " transitions ("
                    + c.ignoredEvents() + " ignored events), " + c.parameterSets() + " parameter sets, "
                    + c.handshakes() + " handshakes, " + c.validPaths() + " valid paths, " + c.totalDeviations()
                    + " deviations (" + c.deviationsByKind() + ")");
            for (DeviationKind k : DeviationKind.values()) {
                assertTrue(c.deviations().get(k) > 0, m.title() + " has no " + k + " deviation");
            }
        }
        // state counts follow from RFC 8446 Appendix A (8 client and 9 server states) plus the split states
        // documented in each state enum (7 each, 3 of them for post-handshake authentication); a change here
        // must be a deliberate change of the model
        assertEquals(18, Models.of(TlsVersion.TLS_1_3, Role.CLIENT).states().size());
        assertEquals(19, Models.of(TlsVersion.TLS_1_3, Role.SERVER).states().size());
    }
}
