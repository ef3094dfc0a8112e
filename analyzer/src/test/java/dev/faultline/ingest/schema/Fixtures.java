package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.JsonDocReader;
import dev.faultline.doc.ReadLimits;
import dev.faultline.doc.YamlDocReader;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.AgentModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Loads the fixture documents under {@code ingest/schema/} as discovery would hand them over. */
final class Fixtures {
    private Fixtures() {
    }

    /** A parsed fixture, with the relative path it is scanned under. */
    record Loaded(SourceFile file, DocNode root) {
    }

    static Loaded load(String name) throws DocException {
        return parse("project/agents/" + name, text(name));
    }

    static Loaded parse(String path, String text) throws DocException {
        DocNode root = path.endsWith(".yaml") || path.endsWith(".yml")
                ? new YamlDocReader(ReadLimits.DEFAULT).read(path, text)
                : new JsonDocReader(ReadLimits.DEFAULT).read(path, text);
        return new Loaded(new SourceFile(path, Path.of(path), text.length()), root);
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ingest/schema/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AgentModel ingest(DocumentIngester ingester, String name) throws DocException {
        Loaded loaded = load(name);
        ModelBuilder builder = new ModelBuilder();
        ingester.ingest(loaded.file(), loaded.root(), builder);
        return builder.build();
    }
}
