package dev.faultline.diff;

import dev.faultline.model.Manifest;
import dev.faultline.report.Location;
import dev.faultline.rules.ModelRow;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plane rules as data: {@code plane-path} and {@code plane-input-kind} rows
 * ({@code rules/core/models/planes.yaml}), the Java tool and prompt annotation rows of the framework
 * models, and the {@code planes:} overrides of the project's manifests, which win.
 */
public final class PlaneRules {
    /** One glob of a plane-path row or a manifest override. */
    private record GlobRow(PathGlob glob, Plane plane, String rule, String detail) {
    }

    private final List<GlobRow> pathRows = new ArrayList<>();
    private final List<ModelRow> kindRows;
    private final Map<String, String> toolAnnotations = new TreeMap<>();
    private final Map<String, ModelRow> promptAnnotations = new TreeMap<>();

    /** The rules of a catalog. */
    public PlaneRules(RuleCatalog catalog) {
        for (ModelRow row : catalog.rowsFor("plane-path")) {
            Plane plane = planeOf(row);
            row.match().stream().sorted().forEach(g -> pathRows.add(new GlobRow(PathGlob.of(g), plane, row.id(), row.detail())));
        }
        kindRows = catalog.rowsFor("plane-input-kind");
        for (ModelRow row : catalog.rowsFor("java-tool-annotation")) {
            row.match().forEach(m -> toolAnnotations.putIfAbsent(m, row.id()));
        }
        for (ModelRow row : catalog.rowsFor("java-prompt-annotation")) {
            row.match().forEach(m -> promptAnnotations.putIfAbsent(m, row));
        }
    }

    private static Plane planeOf(ModelRow row) {
        String p = row.attributes().getOrDefault("plane", "");
        if (!p.equals("data") && !p.equals("control")) {
            throw new IllegalStateException(row.location().display() + ": plane row " + row.id() + " needs plane: data or control");
        }
        return Plane.parse(p);
    }

    /**
     * The plane of a whole file from the manifests' overrides, what the pipeline read it as, and
     * the path rows, in that order; empty when nothing says.
     */
    public Optional<PlaneEvidence> forFile(String path, Set<String> inputKinds, List<Manifest> manifests) {
        Location file = Location.file(path);
        for (Manifest m : manifests) {
            String prefix = m.scope().isEmpty() ? "" : m.scope() + "/";
            if (!path.startsWith(prefix)) {
                continue;
            }
            String rel = path.substring(prefix.length());
            for (String g : m.planes().control()) {
                if (PathGlob.of(g).matches(rel)) {
                    return Optional.of(new PlaneEvidence(Plane.CONTROL, "matches '" + g + "' in planes.control of " + m.path(),
                            "faultline.yaml planes", m.location()));
                }
            }
            for (String g : m.planes().data()) {
                if (PathGlob.of(g).matches(rel)) {
                    return Optional.of(new PlaneEvidence(Plane.DATA, "matches '" + g + "' in planes.data of " + m.path(),
                            "faultline.yaml planes", m.location()));
                }
            }
        }
        for (ModelRow row : kindRows) {
            for (String kind : inputKinds) {
                if (row.matches(kind)) {
                    return Optional.of(new PlaneEvidence(planeOf(row), row.detail() + " (read as " + kind + ")", row.id(), file));
                }
            }
        }
        for (GlobRow row : pathRows) {
            if (row.glob().matches(path)) {
                return Optional.of(new PlaneEvidence(row.plane(), row.detail() + " (path matches '" + row.glob().text() + "')",
                        row.rule(), file));
            }
        }
        return Optional.empty();
    }

    /** The row id of a tool annotation with this fully-qualified name. */
    public Optional<String> toolAnnotation(String qualifiedName) {
        return Optional.ofNullable(toolAnnotations.get(qualifiedName.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The row of a prompt annotation with this fully-qualified name. */
    public Optional<ModelRow> promptAnnotation(String qualifiedName) {
        return Optional.ofNullable(promptAnnotations.get(qualifiedName.toLowerCase(java.util.Locale.ROOT)));
    }
}
