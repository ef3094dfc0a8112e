package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaintSourceTest {

    @Test
    void messagesParseBackToTheirSource() {
        TaintSource tool = TaintSource.tool(2, 5, "tickets/get_ticket");
        TaintSource entry = TaintSource.entry(1, 5, "triage", "inbound-email");
        assertThat(tool.message()).isEqualTo("untrusted source 2 of 5: output of tickets/get_ticket");
        assertThat(entry.message()).isEqualTo("untrusted source 1 of 5: entry point inbound-email of agent triage");
        assertThat(TaintSource.parse(tool.message())).contains(tool);
        assertThat(TaintSource.parse(entry.message())).contains(entry);
    }

    @Test
    void otherMessagesAreNoSource() {
        assertThat(TaintSource.parse("private data: crm/lookup_customer")).isEmpty();
        assertThat(TaintSource.parse("untrusted source 1 of 2: a web page")).isEmpty();
        assertThat(TaintSource.parse("untrusted source 99999999999 of 2: output of a/b")).isEmpty();
    }

    @Test
    void namesListTheFirstFewAndCountTheRest() {
        TaintSource a = TaintSource.tool(1, 1, "a/x");
        assertThat(TaintSource.names(List.of())).isEmpty();
        assertThat(TaintSource.names(List.of(a))).isEqualTo("output of a/x");
        assertThat(TaintSource.names(List.of(TaintSource.tool(1, 2, "a/x"), TaintSource.entry(2, 2, "bot", "chat"))))
                .isEqualTo("output of a/x and entry point chat of agent bot");
        assertThat(TaintSource.names(List.of(TaintSource.tool(1, 3, "a/x"), TaintSource.tool(2, 3, "a/y"), TaintSource.tool(3, 3, "a/z"))))
                .isEqualTo("output of a/x, output of a/y and output of a/z");
        assertThat(TaintSource.names(List.of(TaintSource.tool(1, 7, "a/x"), TaintSource.tool(2, 7, "a/y"), TaintSource.tool(3, 7, "a/z"))))
                .isEqualTo("output of a/x, output of a/y, output of a/z and 4 more");
    }
}
