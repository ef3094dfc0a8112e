package dev.faultline.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The report as one self-contained HTML page: inline CSS, the capability graph as inline SVG, a
 * tools table sortable by blast radius with each tool's evidence, the findings grouped by rule with
 * their steps, then the inputs not analysed and the notifications. Nothing is loaded from anywhere:
 * a {@code Content-Security-Policy} allows only the inline style and the one inline script (by its
 * hash), so even markup that slipped through could not run or call out. Every piece of scanned text
 * is escaped.
 *
 * <p>The SVG comes from a function of the report (usually {@link #rendering(GraphRenderer)}). When it
 * gives none, or an SVG that holds anything but plain drawing elements, the page shows the DOT
 * source instead, with a note on how to draw it.
 */
public final class HtmlReportWriter implements ReportWriter {

    /** The sort script; its hash is in the page's Content-Security-Policy. */
    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable th[data-key]').forEach(function (th) {
              th.addEventListener('click', function () {
                var table = th.closest('table'), body = table.tBodies[0], key = th.dataset.key;
                var desc = th.getAttribute('aria-sort') === 'ascending';
                table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
                Array.from(body.rows).sort(function (a, b) {
                  var x = a.dataset[key], y = b.dataset[key];
                  var c = isNaN(x) ? x.localeCompare(y) : x - y;
                  return (desc ? -c : c) || a.dataset.order - b.dataset.order;
                }).forEach(function (row) { body.appendChild(row); });
              });
            });
            """;

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '"
            + sha256(SCRIPT) + "'; base-uri 'none'; form-action 'none'";

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1280px;padding:16px 24px;color:#1f2328;background:#fff}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
            .meta{color:#59636e;margin:0 0 12px}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}th[data-key]{cursor:pointer;white-space:nowrap}th[data-key]::after{content:" \\2195";color:#8c959f}
            td.num{text-align:right}code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px;word-break:break-all}
            .graph{border:1px solid #d0d7de;border-radius:6px;padding:8px;overflow:auto}.graph svg{max-width:100%;height:auto}
            pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}
            .sev{display:inline-block;min-width:62px;text-align:center;border-radius:10px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}
            .sev-critical{background:#82071e}.sev-high{background:#cf222e}.sev-medium{background:#bc4c00}.sev-low{background:#9a6700}.sev-note{background:#59636e}
            .br{border-radius:10px;padding:0 6px;font-size:12px;white-space:nowrap}.br-read-only{background:#b2f2bb}.br-reversible{background:#ffec99}.br-irreversible{background:#ffc078}.br-privileged{background:#ff8787}
            .finding{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:8px 0}.finding.suppressed{opacity:.65}
            .finding p{margin:4px 0}ol,ul{margin:4px 0 4px 20px;padding:0}.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:6px 10px}
            details summary{cursor:pointer;color:#0969da}
            """;

    private static final Set<String> SVG_ELEMENTS = Set.of("svg", "g", "title", "desc", "path", "polygon", "polyline",
            "ellipse", "circle", "rect", "line", "text", "tspan", "a", "defs", "linearGradient", "radialGradient", "stop");
    private static final Pattern PROLOG = Pattern.compile("(?s)\\A.*?(?=<svg[\\s>])");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->\\r?\\n?");

    private final Function<Report, Optional<String>> svg;

    /** A page that shows the graph as DOT source: for machines where nothing can draw it. */
    public HtmlReportWriter() {
        this(report -> Optional.empty());
    }

    /** A page with the graph that {@code svg} draws for the report, or the DOT source when it gives none. */
    public HtmlReportWriter(Function<Report, Optional<String>> svg) {
        this.svg = svg;
    }

    /** The SVG of the report's {@link DotGraphWriter} graph as {@code renderer} draws it; empty when it cannot. */
    public static Function<Report, Optional<String>> rendering(GraphRenderer renderer) {
        return report -> {
            try {
                return Optional.of(renderer.renderSvg(dot(report)));
            } catch (GraphRenderingException | IOException e) {
                return Optional.empty();
            }
        };
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>Faultline report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Faultline report</h1>\n<p class=\"meta\">").append(esc(report.tool().name())).append(' ')
                .append(esc(report.tool().version())).append(" · ").append(report.agents().size()).append(" agents · ")
                .append(report.tools().size()).append(" tools · ").append(report.findings().size()).append(" findings</p>\n");
        summary(h, report);
        graph(h, report);
        tools(h, report);
        findings(h, report);
        problems(h, report);
        notifications(h, report);
        h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(h.toString());
    }

    private static void summary(StringBuilder h, Report report) {
        List<Finding> active = report.activeFindings();
        h.append("<h2 id=\"summary\">Summary</h2>\n<table>\n<tr><th>summary</th><th>count</th></tr>\n");
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            row(h, "<span class=\"sev sev-" + s.id() + "\">" + s.id() + "</span> findings",
                    active.stream().filter(f -> f.severity() == s).count());
        }
        row(h, "suppressed findings", report.findings().size() - active.size());
        for (InputStatus status : InputStatus.values()) {
            row(h, "inputs " + status.id(), report.inputs().stream().filter(in -> in.status() == status).count());
        }
        row(h, "agents", report.agents().size());
        row(h, "tools", report.tools().size());
        row(h, "credentials", report.credentials().size());
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String label, long count) {
        h.append("<tr><td>").append(label).append("</td><td class=\"num\">").append(count).append("</td></tr>\n");
    }

    private void graph(StringBuilder h, Report report) {
        h.append("<h2 id=\"graph\">Capability graph</h2>\n");
        Optional<String> drawing = svg.apply(report).flatMap(HtmlReportWriter::inlineSvg);
        if (drawing.isPresent()) {
            h.append("<div class=\"graph\">\n").append(drawing.get()).append("\n</div>\n");
            return;
        }
        h.append("<p class=\"note\">The graph could not be drawn here: no Graphviz engine was available. Install "
                        + "Graphviz (<code>apt-get install graphviz</code>) and run again, or render this DOT source "
                        + "with <code>dot -Tsvg</code>.</p>\n<pre>")
                .append(String.join("\n", dot(report).lines().map(HtmlReportWriter::esc).toList())).append("</pre>\n");
    }

    private static void tools(StringBuilder h, Report report) {
        h.append("<h2 id=\"tools\">Tools</h2>\n");
        if (report.tools().isEmpty()) {
            h.append("<p>No tools.</p>\n");
            return;
        }
        h.append("<p>Worst blast radius first; click a column heading to sort.</p>\n<table class=\"sortable\">\n")
                .append("<thead><tr><th data-key=\"tool\">tool</th><th data-key=\"radius\" aria-sort=\"descending\">")
                .append("blast radius</th><th>flags</th><th>credentials</th><th data-key=\"agents\">agents</th>")
                .append("<th>evidence</th></tr></thead>\n<tbody>\n");
        List<ToolView> sorted = report.tools().stream().sorted(BlastRadius.WORST_FIRST).toList();
        for (int i = 0; i < sorted.size(); i++) {
            ToolView t = sorted.get(i);
            BlastRadius radius = BlastRadius.of(t.blastRadius());
            h.append("<tr data-order=\"").append(i).append("\" data-tool=\"").append(esc(t.id()))
                    .append("\" data-radius=\"").append(radius.ordinal()).append("\" data-agents=\"")
                    .append(t.agents().size()).append("\">")
                    .append("<td><code>").append(esc(t.id())).append("</code><br>").append(esc(t.origin())).append("</td>")
                    .append("<td><span class=\"br br-").append(radius.id()).append("\">").append(esc(t.blastRadius()))
                    .append("</span><br>").append(esc(t.provenance())).append("</td>")
                    .append("<td>").append(esc(flags(t))).append("</td>")
                    .append("<td>").append(codes(t.credentials())).append("</td>")
                    .append("<td>").append(esc(list(t.agents()))).append("</td><td>");
            evidence(h, t);
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void evidence(StringBuilder h, ToolView t) {
        h.append("<details><summary>").append(t.evidence().size()).append(t.evidence().size() == 1 ? " fact" : " facts")
                .append("</summary>\n")
                .append("<p>").append(esc(t.description())).append("</p>\n<ul>\n");
        for (Evidence e : t.evidence()) {
            h.append("<li>").append(esc(e.fact())).append(" = <b>").append(esc(e.value())).append("</b> (")
                    .append(esc(e.provenance())).append(") ").append(esc(e.detail())).append(" at <code>")
                    .append(esc(e.location().display())).append("</code>");
            if (!e.rule().isEmpty()) {
                h.append(" rule <code>").append(esc(e.rule())).append("</code>");
            }
            steps(h, e.chain());
            h.append("</li>\n");
        }
        h.append("</ul>\n</details>");
    }

    private static void findings(StringBuilder h, Report report) {
        h.append("<h2 id=\"findings\">Findings</h2>\n");
        if (report.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        }
        for (Map.Entry<String, List<Finding>> group : report.findingsByRule().entrySet()) {
            Optional<RuleDescriptor> rule = report.rules().stream().filter(r -> r.id().equals(group.getKey())).findFirst();
            h.append("<h3><code>").append(esc(group.getKey())).append("</code>")
                    .append(rule.map(r -> " — " + esc(r.name())).orElse("")).append(" (").append(group.getValue().size())
                    .append(")</h3>\n");
            rule.ifPresent(r -> h.append("<p>").append(esc(r.shortDescription())).append("</p>\n"));
            for (Finding f : group.getValue()) {
                finding(h, f);
            }
        }
    }

    private static void finding(StringBuilder h, Finding f) {
        h.append("<div class=\"finding").append(f.isActive() ? "" : " suppressed").append("\">\n<p><span class=\"sev sev-")
                .append(f.severity().id()).append("\">").append(f.severity().id()).append("</span> ")
                .append(esc(f.message())).append("</p>\n<p>at <code>").append(esc(f.location().display()))
                .append("</code> · precision ").append(esc(f.precision())).append(" · key <code>").append(esc(f.key()))
                .append("</code></p>\n");
        f.suppression().ifPresent(s -> h.append("<p>Suppressed (").append(esc(s.kind())).append("): ")
                .append(esc(s.justification())).append(" at <code>").append(esc(s.location().display()))
                .append("</code></p>\n"));
        if (!f.related().isEmpty()) {
            h.append("<ul>\n");
            for (RelatedLocation r : f.related()) {
                h.append("<li><code>").append(esc(r.location().display())).append("</code> ").append(esc(r.message()))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
        steps(h, f.steps());
        h.append("</div>\n");
    }

    private static void steps(StringBuilder h, List<FlowStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        h.append("<ol>\n");
        for (FlowStep s : steps) {
            h.append("<li><code>").append(esc(s.location().display())).append("</code> ").append(esc(s.message()))
                    .append("</li>\n");
        }
        h.append("</ol>\n");
    }

    private static void problems(StringBuilder h, Report report) {
        List<InputFile> problems = report.inputs().stream()
                .filter(in -> in.status() == InputStatus.FAILED
                        || (in.status() == InputStatus.SKIPPED && in.location().hasRegion()))
                .toList();
        if (problems.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"inputs\">Inputs not analysed</h2>\n<table>\n<tr><th>input</th><th>status</th><th>reason</th></tr>\n");
        for (InputFile in : problems) {
            h.append("<tr><td><code>").append(esc(in.location().display())).append("</code></td><td>")
                    .append(in.status().id()).append("</td><td>").append(esc(in.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void notifications(StringBuilder h, Report report) {
        if (report.notifications().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"notifications\">Notifications</h2>\n<ul>\n");
        for (Notification n : report.notifications()) {
            h.append("<li><b>").append(esc(n.level())).append("</b> ").append(esc(n.message()));
            if (!n.location().path().isEmpty()) {
                h.append(" at <code>").append(esc(n.location().display())).append("</code>");
            }
            if (!n.id().isEmpty()) {
                h.append(" (<code>").append(esc(n.id())).append("</code>)");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static String flags(ToolView t) {
        List<String> flags = t.flagNames();
        return list(flags);
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "–" : String.join(", ", values);
    }

    private static String codes(List<String> values) {
        if (values.isEmpty()) {
            return "–";
        }
        return String.join(", ", values.stream().map(v -> "<code>" + esc(v) + "</code>").toList());
    }

    private static String dot(Report report) {
        StringWriter dot = new StringWriter();
        try {
            new DotGraphWriter().write(report, dot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dot.toString();
    }

    /**
     * Scanned text for HTML text or a quoted attribute: made visible (see {@link DisplayText}), then
     * {@code & < > " '} as entities.
     */
    public static String esc(String raw) {
        String s = DisplayText.sanitize(raw);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The {@code <svg>} element of an SVG document, without prolog, doctype or comments; empty when
     * it does not parse or holds anything but drawing elements, event handlers or links out.
     */
    static Optional<String> inlineSvg(String document) {
        String svg = COMMENT.matcher(PROLOG.matcher(document).replaceFirst("")).replaceAll("").strip();
        if (!svg.startsWith("<svg") || !isPlainDrawing(svg)) {
            return Optional.empty();
        }
        return Optional.of(svg);
    }

    private static boolean isPlainDrawing(String svg) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            doc = builder.parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            return false;
        }
        return isPlain(doc.getDocumentElement());
    }

    private static boolean isPlain(Element element) {
        if (!SVG_ELEMENTS.contains(element.getLocalName())
                || !"http://www.w3.org/2000/svg".equals(element.getNamespaceURI())) {
            return false;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            if (name.toLowerCase(Locale.ROOT).startsWith("on")
                    || (name.equals("href") && !a.getNodeValue().startsWith("#"))
                    || name.equals("style") && a.getNodeValue().toLowerCase(Locale.ROOT).contains("url(")) {
                return false;
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && !isPlain(child)) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
