package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.faultline.doc.ReadLimits;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.rules.RuleCatalog;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that scans many trees (history, diff) keeps none of them: JavaParser's facade map
 * holds every solver it served (its values refer to their weak keys), which kept about 550 MB per
 * scan of langchain4j, so the ingester empties it when a scan ends.
 */
class SolverMemoryTest {
    @TempDir
    Path tree;

    @Test
    void noSolverOutlivesItsScan() throws IOException, ReflectiveOperationException {
        Path pkg = Files.createDirectories(tree.resolve("src/main/java/com/example"));
        // a call on the result of a call is typed by the symbol solver
        Files.writeString(pkg.resolve("LookupTools.java"), """
                package com.example;

                import dev.langchain4j.agent.tool.Tool;

                public class LookupTools {
                    private final Orders orders = new Orders();

                    @Tool("Finds an order's customer name")
                    public String customer(String id) {
                        return orders.find(id).customerName();
                    }
                }
                """);
        Files.writeString(pkg.resolve("Orders.java"), """
                package com.example;

                class Orders {
                    Order find(String id) {
                        return new Order(id);
                    }
                }
                """);
        Files.writeString(pkg.resolve("Order.java"), """
                package com.example;

                record Order(String id) {
                    String customerName() {
                        return "customer of " + id;
                    }
                }
                """);
        var result = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT).scan(List.of(tree));
        assertThat(result.model().tools()).anyMatch(t -> t.id().equals("LookupTools/customer"));
        Field instances = JavaParserFacade.class.getDeclaredField("instances");
        instances.setAccessible(true);
        assertThat((Map<?, ?>) instances.get(null)).isEmpty();
    }
}
