package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import java.util.Optional;

/** Where tool-definition files keep their list of tools: the root array, {@code tools}, or {@code result.tools}. */
final class ToolLists {
    private ToolLists() {
    }

    /** The tool list by shape alone, without judging the items; for cheap recognition. */
    static Optional<DocList> find(DocNode root) {
        if (root instanceof DocList l) {
            return Optional.of(l);
        }
        if (root instanceof DocMap m) {
            Optional<DocList> tools = m.list("tools");
            if (tools.isPresent()) {
                return tools;
            }
            return m.map("result").flatMap(r -> r.list("tools"));
        }
        return Optional.empty();
    }

    /** True when some item of the list satisfies {@code test} and is an object. */
    static boolean anyItem(DocList list, java.util.function.Predicate<DocMap> test) {
        return list.items().stream().anyMatch(i -> i instanceof DocMap m && test.test(m));
    }

    /** The tool list of a recognised document, with shape errors for a list of the wrong type. */
    static DocList require(DocNode root) throws DocException {
        if (root instanceof DocList l) {
            return l;
        }
        DocMap m = DocShapes.object(root, "the document");
        if (m.has("tools")) {
            return DocShapes.array(m.get("tools").orElseThrow(), "'tools'");
        }
        Optional<DocMap> result = DocShapes.object(m, "result");
        if (result.isPresent() && result.get().has("tools")) {
            return DocShapes.array(result.get().get("tools").orElseThrow(), "'tools'");
        }
        throw new DocException("expected a list of tools ('tools' or 'result.tools')", m.location());
    }
}
