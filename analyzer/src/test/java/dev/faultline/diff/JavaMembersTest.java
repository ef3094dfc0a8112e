package dev.faultline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.RuleCatalog;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Member keys, ranges and the split of prompt text from code. */
class JavaMembersTest {
    private static final PlaneRules RULES = new PlaneRules(RuleCatalog.builtIn());

    private static Map<String, JavaMembers.Member> read(String source) {
        return JavaMembers.read(source, RULES, Set.of()).orElseThrow();
    }

    @Test
    void keysMembersAndSeparatesPromptTextFromCode() {
        Map<String, JavaMembers.Member> members = read("""
                package demo;

                import dev.langchain4j.agent.tool.*;
                import dev.langchain4j.service.SystemMessage;

                public class Desk {
                    enum Mode { FAST, SAFE }

                    private final String name = "desk";

                    @SystemMessage("Be careful.")
                    String chat(String question);

                    // a comment that must not count
                    @Tool("Deletes a record")
                    public String deleteRecord(String id, int... flags) {
                        Runnable local = new Runnable() { public void run() { } };
                        return "deleted " + id;
                    }
                }
                """);

        assertThat(members).containsKeys("Desk", "Desk#name", "Desk#chat(String)", "Desk#deleteRecord(String, int...)",
                "Desk.Mode", "Desk.Mode#FAST", "Desk.Mode#SAFE");
        assertThat(members.keySet()).noneMatch(k -> k.contains("run()"));
        JavaMembers.Member chat = members.get("Desk#chat(String)");
        assertThat(chat.prompts()).contains("Be careful.");
        assertThat(chat.code()).doesNotContain("Be careful.");
        assertThat(chat.promptRule()).hasValueSatisfying(r -> assertThat(r).startsWith("java-prompt-langchain4j-system"));
        JavaMembers.Member tool = members.get("Desk#deleteRecord(String, int...)");
        assertThat(tool.toolRule()).contains("java-tool-langchain4j");
        assertThat(tool.code()).doesNotContain("a comment");
        assertThat(tool.contains(tool.beginLine())).isTrue();
    }

    @Test
    void unparsableSourceIsEmpty() {
        assertThat(JavaMembers.read("class {", RULES, Set.of())).isEmpty();
    }
}
