package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.DocScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of an attacker-written document: a value of the wrong type is a {@link DocException}
 * at that value, never a {@code ClassCastException}. An explicit {@code null} counts as absent.
 */
final class DocShapes {
    private DocShapes() {
    }

    /** The node as an object, or a shape error naming {@code what}. */
    static DocMap object(DocNode node, String what) throws DocException {
        if (node instanceof DocMap m) {
            return m;
        }
        throw wrongType("an object", what, node);
    }

    /** The node as an array, or a shape error naming {@code what}. */
    static DocList array(DocNode node, String what) throws DocException {
        if (node instanceof DocList l) {
            return l;
        }
        throw wrongType("an array", what, node);
    }

    /** An optional object-valued key. */
    static Optional<DocMap> object(DocMap parent, String key) throws DocException {
        Optional<DocNode> n = present(parent, key);
        return n.isEmpty() ? Optional.empty() : Optional.of(object(n.get(), quoted(key)));
    }

    /** An optional array-valued key. */
    static Optional<DocList> array(DocMap parent, String key) throws DocException {
        Optional<DocNode> n = present(parent, key);
        return n.isEmpty() ? Optional.empty() : Optional.of(array(n.get(), quoted(key)));
    }

    /** An optional scalar-valued key, as text. */
    static Optional<String> text(DocMap parent, String key) throws DocException {
        Optional<DocNode> n = present(parent, key);
        return n.isEmpty() ? Optional.empty() : Optional.of(text(n.get(), quoted(key)));
    }

    /** An optional scalar-valued key, or {@code fallback}. */
    static String text(DocMap parent, String key, String fallback) throws DocException {
        return text(parent, key).orElse(fallback);
    }

    /** The node as scalar text, or a shape error naming {@code what}. */
    static String text(DocNode node, String what) throws DocException {
        if (node instanceof DocScalar s && s.kind() != DocScalar.Kind.NULL) {
            return s.text();
        }
        throw wrongType("a value", what, node);
    }

    /** An optional boolean key; any other type is a shape error. */
    static Optional<DocScalar> bool(DocMap parent, String key) throws DocException {
        Optional<DocNode> n = present(parent, key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof DocScalar s && s.kind() == DocScalar.Kind.BOOLEAN) {
            return Optional.of(s);
        }
        throw wrongType("a boolean", quoted(key), n.get());
    }

    /** An optional list of scalars. */
    static List<String> texts(DocMap parent, String key) throws DocException {
        Optional<DocList> list = array(parent, key);
        List<String> out = new ArrayList<>();
        if (list.isPresent()) {
            for (DocNode item : list.get().items()) {
                out.add(text(item, "an item of " + quoted(key)));
            }
        }
        return out;
    }

    /** The value of a key unless it is absent or {@code null}. */
    static Optional<DocNode> present(DocMap parent, String key) {
        return parent.get(key).filter(n -> !(n instanceof DocScalar s && s.kind() == DocScalar.Kind.NULL));
    }

    /** True when the node is a map holding {@code key}. */
    static boolean hasKey(DocNode node, String key) {
        return node instanceof DocMap m && m.has(key);
    }

    /** True when the node is a map whose {@code key} is the string {@code value}. */
    static boolean keyIs(DocNode node, String key, String value) {
        return node instanceof DocMap m && m.string(key).filter(value::equals).isPresent();
    }

    private static String quoted(String key) {
        return "'" + key + "'";
    }

    private static DocException wrongType(String expected, String what, DocNode found) {
        return new DocException("expected " + expected + " for " + what + ", found " + found.typeName(), found.location());
    }
}
