package dev.faultline.rules;

import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNodeCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in rule packs as the build parsed them: one class-path resource ({@value #RESOURCE}) holding
 * every pack file's document tree, in load order. Reading it at start-up replaces opening the jar as a
 * file system and parsing YAML, which took a good part of a short scan.
 *
 * <p>The rules stay data in {@code rules/}: the build writes this resource from their YAML ({@link #main},
 * run by the analyzer's {@code process-classes} phase), after loading them into a catalog, so a broken
 * built-in rule fails the build. Without the resource (classes run outside a Maven build), the catalog
 * reads the YAML itself.
 */
public final class RuleBundle {
    /** Where the bundle lies on the class path. */
    public static final String RESOURCE = "faultline/builtin-rules.bin";
    private static final String FORMAT = "faultline-rule-bundle-1";

    private RuleBundle() {
    }

    /** Writes the bundle of the built-in packs on the class path to the file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RuleBundle OUTPUT-FILE");
        }
        List<RuleCatalog.PackFile> files = new ArrayList<>();
        RuleCatalog.readBuiltInYaml(files::add);
        RuleCatalog.of(files);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            data.writeUTF(FORMAT);
            data.writeInt(files.size());
            for (RuleCatalog.PackFile f : files) {
                data.writeUTF(f.pack());
                data.writeUTF(f.fileName());
                data.writeBoolean(f.model());
                DocNodeCodec.write(f.doc(), data);
            }
        }
    }

    /** The built-in pack files from the bundle, in load order; empty when there is no bundle. */
    static Optional<List<RuleCatalog.PackFile>> read() {
        InputStream resource = RuleBundle.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (resource == null) {
            return Optional.empty();
        }
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(resource))) {
            String format = data.readUTF();
            if (!format.equals(FORMAT)) {
                throw new IllegalStateException(RESOURCE + " is " + format + ", not " + FORMAT + ": rebuild Faultline");
            }
            int n = data.readInt();
            List<RuleCatalog.PackFile> files = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String pack = data.readUTF();
                String fileName = data.readUTF();
                boolean model = data.readBoolean();
                DocMap doc = DocNodeCodec.read(data).asMap().orElseThrow(() -> new IOException(fileName + " is not a mapping"));
                files.add(new RuleCatalog.PackFile(pack, fileName, model, doc));
            }
            return Optional.of(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
