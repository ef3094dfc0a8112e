package dev.faultline.ingest;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocNode;

/**
 * Reads one JSON or YAML format (MCP tools/list, OpenAI tools, an MCP client config, ...) into the
 * model. Discovery offers every parsed document to each ingester in turn; the first that
 * {@link #recognises} it reads it.
 */
public interface DocumentIngester {

    /** The kind recorded for files this ingester reads ({@code mcp-tools}, {@code openapi}, ...). */
    String kind();

    /** True when the document has this format's shape (or file name). */
    boolean recognises(SourceFile file, DocNode root);

    /** Adds what the document declares to {@code model}; a shape error fails only this file. */
    void ingest(SourceFile file, DocNode root, ModelBuilder model) throws DocException;
}
