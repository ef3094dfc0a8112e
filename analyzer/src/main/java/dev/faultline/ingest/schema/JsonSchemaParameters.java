package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.DocScalar;
import dev.faultline.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the parameters a model fills in from a JSON Schema object's {@code properties}. */
final class JsonSchemaParameters {
    private static final int MAX_ALL_OF_DEPTH = 8;

    private JsonSchemaParameters() {
    }

    /**
     * One parameter per property of {@code schema} (and of the schemas its {@code allOf} combines),
     * in source order, each located at its property key.
     */
    static List<Parameter> of(DocMap schema, SchemaResolver resolver) throws DocException {
        List<Parameter> out = new ArrayList<>();
        collect(schema, resolver, out, 0);
        return out;
    }

    private static void collect(DocMap schema, SchemaResolver resolver, List<Parameter> out, int depth) throws DocException {
        Optional<DocMap> properties = DocShapes.object(schema, "properties");
        if (properties.isPresent()) {
            for (DocMap.Entry property : properties.get().entries()) {
                out.add(parameter(property, resolver));
            }
        }
        if (depth >= MAX_ALL_OF_DEPTH) {
            return;
        }
        Optional<DocList> allOf = DocShapes.array(schema, "allOf");
        if (allOf.isPresent()) {
            for (DocNode part : allOf.get().items()) {
                Optional<DocMap> resolved = resolver.resolve(part, "an item of 'allOf'");
                if (resolved.isPresent()) {
                    collect(resolved.get(), resolver, out, depth + 1);
                }
            }
        }
    }

    private static Parameter parameter(DocMap.Entry property, SchemaResolver resolver) throws DocException {
        DocNode value = property.value();
        var where = property.keyLocation().withPointer(value.location().pointer());
        if (value instanceof DocScalar s && s.kind() == DocScalar.Kind.BOOLEAN) {
            return new Parameter(property.key(), "", "", where);
        }
        DocMap declared = DocShapes.object(value, "property '" + property.key() + "'");
        Optional<DocMap> resolved = resolver.resolve(declared, "property '" + property.key() + "'");
        String description = DocShapes.text(declared, "description")
                .or(() -> resolved.flatMap(r -> r.string("description")))
                .orElse("");
        return new Parameter(property.key(), resolved.isPresent() ? typeOf(resolved.get()) : "", description, where);
    }

    /** The JSON type a schema declares: {@code string}, {@code integer|null}, or {@code ""} when unsaid. */
    static String typeOf(DocMap schema) throws DocException {
        Optional<DocNode> type = DocShapes.present(schema, "type");
        if (type.isEmpty()) {
            return schema.has("properties") ? "object" : "";
        }
        if (type.get() instanceof DocList l) {
            List<String> types = new ArrayList<>();
            for (DocNode t : l.items()) {
                types.add(DocShapes.text(t, "an item of 'type'"));
            }
            return String.join("|", types);
        }
        return DocShapes.text(type.get(), "'type'");
    }
}
