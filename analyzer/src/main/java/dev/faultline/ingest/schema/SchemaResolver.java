package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import java.util.Optional;

/**
 * Turns a schema node into the object it stands for: itself, or what its {@code $ref} points to.
 * Empty when the reference cannot or must not be followed.
 */
@FunctionalInterface
interface SchemaResolver {

    /** Resolves {@code node}, naming it {@code what} in shape errors. */
    Optional<DocMap> resolve(DocNode node, String what) throws DocException;

    /** Follows no references: an object stands for itself. */
    SchemaResolver NONE = (node, what) -> Optional.of(DocShapes.object(node, what));
}
