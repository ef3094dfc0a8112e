package dev.faultline.ingest.java;

import dev.faultline.model.AgentModel;
import org.junit.jupiter.api.Test;

class SampleDumpTest {
    @Test
    void dump() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.fixture("mixed"));
        m.tools().forEach(t -> {
            System.out.println("TOOL " + t.id() + " " + t.origin() + " " + t.location().display() + " " + t.description());
            t.parameters().forEach(p -> System.out.println("   P " + p));
            t.signals().forEach(s -> System.out.println("   S " + s.kind() + " " + s.value() + " @" + s.location().display() + " " + s.chain().stream().map(f -> f.location().display() + " " + f.message()).toList()));
            t.credentials().forEach(c -> System.out.println("   C " + c));
        });
        m.agents().forEach(a -> System.out.println("AGENT " + a));
        m.prompts().forEach(p -> System.out.println("PROMPT " + p.agent() + " " + p.role() + " " + p.location().display()));
        m.inputs().forEach(i -> System.out.println("INPUT " + i));
        m.notifications().forEach(n -> System.out.println("NOTE " + n));
    }
}
