package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The graph at 10 and at 300 tools: drawn with the bundled engine, and small enough to read. The
 * pictures are left in {@code target/graphs/} for a person to look at.
 */
class GraphReadabilityTest {

    private final GraphRenderer renderer = new GraphRenderer(GraphRenderer.DEFAULT_ORDER, "");

    @Test
    void tenTools() throws Exception {
        Document svg = draw("tools-10", SampleReports.manyTools(10));
        assertThat(GraphRendererTest.parse(renderer.renderSvg(Goldens.render(new DotGraphWriter(), SampleReports.manyTools(10)))))
                .isNotNull();
        assertThat(svg.getElementsByTagNameNS("*", "g").getLength()).isLessThan(80);
    }

    @Test
    void threeHundredToolsCollapseToAFewNodesOnOnePage() throws Exception {
        Document svg = draw("tools-300", SampleReports.manyTools(300));
        int nodes = 0;
        var groups = svg.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            nodes += "node".equals(((org.w3c.dom.Element) groups.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertThat(nodes).as("nodes drawn for 300 tools").isLessThan(20);
        int width = Integer.parseInt(svg.getDocumentElement().getAttribute("width").replaceAll("[a-z]", ""));
        int height = Integer.parseInt(svg.getDocumentElement().getAttribute("height").replaceAll("[a-z]", ""));
        assertThat((long) width * height).as("area in points").isLessThan(1_000_000L);
    }

    private Document draw(String name, Report report) throws Exception {
        String dot = Goldens.render(new DotGraphWriter(), report);
        Path dir = Path.of("target", "graphs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".dot"), dot);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        renderer.render(dot, GraphRenderer.Format.PNG, png);
        Files.write(dir.resolve(name + ".png"), png.toByteArray());
        String svg = renderer.renderSvg(dot);
        Files.writeString(dir.resolve(name + ".svg"), svg);
        return GraphRendererTest.parse(svg);
    }
}
