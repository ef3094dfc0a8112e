package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.ingest.ModelBuilder;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Follows {@code $ref}s that point into the same document ({@code #/components/...}), a bounded
 * number of hops and never around a cycle. A reference to another file or URL is never fetched:
 * it is reported as a warning and resolves to nothing, as does a reference that leads nowhere.
 */
final class LocalRefs implements SchemaResolver {
    private static final int MAX_HOPS = 16;
    private final DocNode root;
    private final ModelBuilder model;

    LocalRefs(DocNode root, ModelBuilder model) {
        this.root = root;
        this.model = model;
    }

    @Override
    public Optional<DocMap> resolve(DocNode node, String what) throws DocException {
        DocMap current = DocShapes.object(node, what);
        Set<String> seen = new HashSet<>();
        while (current.has("$ref")) {
            String ref = DocShapes.text(current.get("$ref").orElseThrow(), "'$ref'");
            if (!ref.startsWith("#")) {
                model.notify("warning", "external-ref", "$ref '" + ref + "' points outside this document; not followed",
                        current.location());
                return Optional.empty();
            }
            if (!seen.add(ref) || seen.size() > MAX_HOPS) {
                model.notify("warning", "ref-cycle", "$ref '" + ref + "' leads around a cycle or too deep; not followed",
                        current.location());
                return Optional.empty();
            }
            Optional<DocNode> target = lookup(ref.substring(1));
            if (target.isEmpty()) {
                model.notify("warning", "unresolved-ref", "$ref '" + ref + "' points to nothing in this document",
                        current.location());
                return Optional.empty();
            }
            current = DocShapes.object(target.get(), "the target of $ref '" + ref + "'");
        }
        return Optional.of(current);
    }

    /** The node at an RFC 6901 JSON Pointer, if there is one. */
    private Optional<DocNode> lookup(String pointer) {
        if (pointer.isEmpty()) {
            return Optional.of(root);
        }
        if (!pointer.startsWith("/")) {
            return Optional.empty();
        }
        DocNode at = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = decode(raw).replace("~1", "/").replace("~0", "~");
            if (at instanceof DocMap m) {
                Optional<DocNode> next = m.get(token);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                at = next.get();
            } else if (at instanceof DocList l && token.matches("\\d{1,9}") && Integer.parseInt(token) < l.items().size()) {
                at = l.items().get(Integer.parseInt(token));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(at);
    }

    /** Undoes URI percent-encoding in a fragment ({@code %7B} in a path key); malformed escapes stay as written. */
    private static String decode(String token) {
        if (token.indexOf('%') < 0) {
            return token;
        }
        try {
            return java.net.URLDecoder.decode(token.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return token;
        }
    }
}
