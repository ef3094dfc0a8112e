package dev.faultline.doc;

import dev.faultline.report.Location;
import java.util.Optional;

/**
 * A node of a parsed JSON or YAML document that remembers where it came from. Both formats are
 * read into this one tree, so ingesters never see Jackson or SnakeYAML types, and every value they
 * use can be reported with {@code file:line:column} and a JSON Pointer.
 */
public sealed interface DocNode permits DocMap, DocList, DocScalar {

    /** Where the node starts; {@link Location#pointer()} is its JSON Pointer. */
    Location location();

    /** The node as a map, if it is one. */
    default Optional<DocMap> asMap() {
        return this instanceof DocMap m ? Optional.of(m) : Optional.empty();
    }

    /** The node as a list, if it is one. */
    default Optional<DocList> asList() {
        return this instanceof DocList l ? Optional.of(l) : Optional.empty();
    }

    /** The text of a scalar (string, number, boolean); empty for maps, lists and null. */
    default Optional<String> scalarText() {
        return this instanceof DocScalar s && s.kind() != DocScalar.Kind.NULL ? Optional.of(s.text()) : Optional.empty();
    }

    /** A short name of the node's type for error messages. */
    default String typeName() {
        if (this instanceof DocMap) {
            return "object";
        }
        if (this instanceof DocList) {
            return "array";
        }
        return ((DocScalar) this).kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
