package dev.faultline.ingest;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.DocScalar;
import dev.faultline.model.AgentDecl;
import dev.faultline.model.ApprovalGate;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.EntryPoint;
import dev.faultline.model.Manifest;
import dev.faultline.model.Owners;
import dev.faultline.model.PlaneGlobs;
import dev.faultline.model.SuppressionRule;
import dev.faultline.model.ToolOverride;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a project's {@code faultline.yaml} (schema in the README). Validation is
 * strict: unknown keys, wrong types, missing reasons and bad class names fail with the line of
 * the offending node, because a typo in a security manifest must not be silently ignored.
 */
public final class ManifestReader {
    /** File names recognised as manifests. */
    public static final Set<String> FILE_NAMES = Set.of("faultline.yaml", ".faultline.yaml");

    /** Reads the manifest at {@code file}; {@code scope} is the folder it governs. */
    public Manifest read(SourceFile file, DocNode root) throws DocException {
        DocMap top = map(root, "faultline.yaml");
        keys(top, "version", "owners", "scan", "agents", "approvals", "overrides", "suppressions", "planes");
        Optional<String> version = top.string("version");
        if (version.isPresent() && !version.get().equals("1")) {
            throw new DocException("unsupported manifest version '" + version.get() + "' (this Faultline reads version 1)",
                    top.get("version").orElseThrow().location());
        }
        String scope = file.folder();
        Owners owners = Owners.none();
        if (top.has("owners")) {
            DocMap o = map(top.get("owners").orElseThrow(), "owners");
            keys(o, "control-plane", "data-plane");
            owners = new Owners(strings(o, "control-plane"), strings(o, "data-plane"));
        }
        List<String> excludes = List.of();
        if (top.has("scan")) {
            DocMap s = map(top.get("scan").orElseThrow(), "scan");
            keys(s, "exclude");
            excludes = strings(s, "exclude");
        }
        PlaneGlobs planes = PlaneGlobs.none();
        if (top.has("planes")) {
            DocMap p = map(top.get("planes").orElseThrow(), "planes");
            keys(p, "data", "control");
            planes = new PlaneGlobs(strings(p, "data"), strings(p, "control"));
        }
        List<AgentDecl> agents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DocNode n : items(top, "agents")) {
            DocMap a = map(n, "agent");
            keys(a, "name", "description", "entry-points", "tools", "calls");
            String name = required(a, "name");
            if (!names.add(name)) {
                throw new DocException("agent '" + name + "' is declared twice", a.location());
            }
            List<EntryPoint> entries = new ArrayList<>();
            for (DocNode en : items(a, "entry-points")) {
                DocMap e = map(en, "entry point");
                keys(e, "name", "trust", "description");
                String trust = required(e, "trust");
                if (!trust.equals("trusted") && !trust.equals("untrusted")) {
                    throw new DocException("trust must be 'trusted' or 'untrusted', found '" + trust + "'",
                            e.get("trust").orElseThrow().location());
                }
                entries.add(new EntryPoint(required(e, "name"), trust.equals("untrusted"), e.string("description", ""), e.location()));
            }
            agents.add(new AgentDecl(name, a.string("description", ""), a.location(), entries, strings(a, "tools"),
                    strings(a, "calls"), scope, "manifest"));
        }
        List<ApprovalGate> approvals = new ArrayList<>();
        for (DocNode n : items(top, "approvals")) {
            DocMap g = map(n, "approval");
            keys(g, "tool", "reason");
            approvals.add(new ApprovalGate(required(g, "tool"), required(g, "reason"), g.location()));
        }
        List<ToolOverride> overrides = new ArrayList<>();
        for (DocNode n : items(top, "overrides")) {
            DocMap o = map(n, "override");
            keys(o, "tool", "class", "untrusted-output", "private-data", "reason");
            Optional<BlastRadius> cls = Optional.empty();
            if (o.has("class")) {
                String c = required(o, "class");
                cls = Optional.of(BlastRadius.parse(c).orElseThrow(() -> new DocException("class must be read-only, reversible, "
                        + "irreversible or privileged, found '" + c + "'", o.get("class").orElseThrow().location())));
            }
            overrides.add(new ToolOverride(required(o, "tool"), cls, bool(o, "untrusted-output"), bool(o, "private-data"),
                    required(o, "reason"), o.location()));
        }
        List<SuppressionRule> suppressions = new ArrayList<>();
        for (DocNode n : items(top, "suppressions")) {
            DocMap s = map(n, "suppression");
            keys(s, "rule", "key", "reason");
            suppressions.add(new SuppressionRule(required(s, "rule"), s.string("key", "*"), required(s, "reason"), s.location()));
        }
        return new Manifest(file.path(), scope, agents, approvals, overrides, suppressions, owners, excludes, planes,
                top.location());
    }

    private static DocMap map(DocNode n, String what) throws DocException {
        if (n instanceof DocMap m) {
            return m;
        }
        throw new DocException("expected a mapping for " + what + ", found " + n.typeName(), n.location());
    }

    private static List<DocNode> items(DocMap m, String key) throws DocException {
        Optional<DocNode> n = m.get(key);
        if (n.isEmpty() || n.get() instanceof DocScalar s && s.kind() == DocScalar.Kind.NULL) {
            return List.of();
        }
        if (n.get() instanceof DocList l) {
            return l.items();
        }
        throw new DocException("expected a list for '" + key + "', found " + n.get().typeName(), n.get().location());
    }

    private static void keys(DocMap m, String... allowed) throws DocException {
        Set<String> ok = Set.of(allowed);
        for (DocMap.Entry e : m.entries()) {
            if (!ok.contains(e.key())) {
                throw new DocException("unknown key '" + e.key() + "' (expected one of: " + String.join(", ", allowed) + ")",
                        e.keyLocation());
            }
        }
    }

    private static String required(DocMap m, String key) throws DocException {
        Optional<DocNode> n = m.get(key);
        if (n.isEmpty()) {
            throw new DocException("missing required key '" + key + "'", m.location());
        }
        Optional<String> text = n.get().scalarText().filter(s -> !s.isBlank());
        if (text.isEmpty()) {
            throw new DocException("'" + key + "' must be a non-empty value", n.get().location());
        }
        return text.get();
    }

    private static Optional<Boolean> bool(DocMap m, String key) throws DocException {
        Optional<DocNode> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        String t = n.get().scalarText().orElse("");
        if (t.equals("true") || t.equals("false")) {
            return Optional.of(t.equals("true"));
        }
        throw new DocException("'" + key + "' must be true or false, found '" + t + "'", n.get().location());
    }

    private static List<String> strings(DocMap m, String key) throws DocException {
        List<String> out = new ArrayList<>();
        for (DocNode n : items(m, key)) {
            out.add(n.scalarText().orElseThrow(() -> new DocException("'" + key + "' must list plain values", n.location())));
        }
        return out;
    }
}
