package dev.faultline.ingest.java;

import dev.faultline.doc.DocException;
import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.ingest.SourceText;
import dev.faultline.model.Prompt;
import dev.faultline.report.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a prompt kept in a class-path resource ({@code @SystemMessage(fromResource = "/prompts/x.txt")})
 * from the Maven resources folder beside the Java source root: {@code src/main/java/...} gives
 * {@code src/main/resources/...}. A name without a leading {@code /} is relative to the class's package.
 */
final class PromptResources {
    private PromptResources() {
    }

    /** The resource's text (the file looked at is recorded in {@code log}) as a prompt at line 1 of the resource file (agent and role left empty), if found. */
    static Optional<Prompt> read(SourceIndex.Entry javaFile, String resource, ModelBuilder model, Location usedAt, ResourceLog log) {
        Optional<SourceIndex.ResourcesFolder> folder = javaFile.resourcesFolder();
        String pkgPath = javaFile.pkg().isEmpty() ? "" : javaFile.pkg().replace('.', '/') + "/";
        String name = resource.startsWith("/") ? resource.substring(1) : pkgPath + resource;
        if (folder.isEmpty() || name.contains("..")) {
            return Optional.empty();
        }
        String resourcesRoot = folder.get().path() + "/";
        Path file = folder.get().absolute().resolve(name);
        log.looked(resourcesRoot + name, file);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            model.notify("warning", "prompt-resource-missing", "prompt resource " + resource + " was not found at "
                    + resourcesRoot + name, usedAt);
            return Optional.empty();
        }
        try {
            SourceFile source = new SourceFile(resourcesRoot + name, file, Files.size(file));
            return Optional.of(new Prompt("", "", SourceText.read(source, ReadLimits.DEFAULT).strip(),
                    Location.at(source.path(), 1, 1)));
        } catch (DocException e) {
            model.notify("warning", "prompt-resource-unreadable", "prompt resource " + resource + ": " + e.getMessage(), e.location());
        } catch (IOException e) {
            model.notify("warning", "prompt-resource-unreadable", "prompt resource " + resource + " cannot be read", usedAt);
        }
        return Optional.empty();
    }
}
