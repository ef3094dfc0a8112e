package dev.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTextTest {

    @Test
    void fillsKnownPlaceholdersKeepsUnknownOnesAndCollapsesWhitespace() {
        String template = "\n  {agent} can call\n  {sink}\t({class}).{guard} {unknown}\n";
        Map<String, String> values = Map.of("agent", "triage", "sink", "mail/send", "class", "irreversible",
                "guard", " Guarded,\n  by approval.");
        assertThat(FindingText.fill(template, values))
                .isEqualTo("triage can call mail/send (irreversible). Guarded, by approval. {unknown}");
        assertThat(FindingText.compile(template).fill(values)).isEqualTo(FindingText.fill(template, values));
    }

    @Test
    void aTemplateWithoutPlaceholdersIsItsText() {
        assertThat(FindingText.fill("  plain\r\n text ", Map.of())).isEqualTo("plain text");
        assertThat(FindingText.fill("{a}{b}", Map.of("a", "$1", "b", "\\"))).isEqualTo("$1\\");
    }

    @Test
    void whitespaceRunsAreCollapsedAcrossValuesAndText() {
        assertThat(FindingText.fill("x {a} y", Map.of("a", " one  two "))).isEqualTo("x one two y");
        assertThat(FindingText.fill("x{a}\n\ty{b}z", Map.of("a", "\t", "b", " "))).isEqualTo("x y z");
        assertThat(FindingText.fill("{a}{b}", Map.of("a", "p ", "b", " q"))).isEqualTo("p q");
        assertThat(FindingText.fill("[{a}]", Map.of("a", "\u000B\f\r\n"))).isEqualTo("[ ]");
    }
}
