package dev.faultline.ingest.java;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.ReadLimits;
import dev.faultline.doc.YamlDocReader;
import dev.faultline.ingest.SourceFile;
import dev.faultline.ingest.SourceText;
import dev.faultline.report.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Spring / Quarkus configuration files beside a Java source root ({@code src/main/resources/
 * application.properties}, {@code application.yml}, {@code application.yaml}): where a key that
 * {@code @Value("${...}")} or {@code @ConfigProperty} injects is defined. Only keys and their
 * locations are kept, plus whether the value is written inline; values are never copied. Keys are
 * compared as Spring's relaxed binding does (case, {@code -} and {@code _} ignored). Files are read
 * once per resources folder; one that cannot be read is ignored.
 */
final class ConfigFiles {
    private static final List<String> NAMES = List.of("application.properties", "application.yml", "application.yaml");

    /** A configuration key: where it is written, and whether its value is a literal rather than a {@code ${...}} reference. */
    record Key(Location location, boolean inlineValue) {
    }

    private final Map<String, Map<String, Key>> byFolder = new HashMap<>();
    private final ResourceLog log;

    /** Configuration files read on demand, each one looked at recorded in {@code log}. */
    ConfigFiles(ResourceLog log) {
        this.log = log;
    }

    /** Where {@code key} is defined in the configuration files of the source root {@code javaFile} belongs to. */
    Optional<Key> find(SourceIndex.Entry javaFile, String key) {
        return javaFile.resourcesFolder()
                .map(folder -> byFolder.computeIfAbsent(folder.path(), k -> load(folder.absolute(), folder.path())))
                .flatMap(keys -> Optional.ofNullable(keys.get(normal(key))));
    }

    private Map<String, Key> load(Path folder, String relative) {
        Map<String, Key> out = new TreeMap<>();
        for (String name : NAMES) {
            Path file = folder.resolve(name);
            log.looked(relative + "/" + name, file);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String path = relative + "/" + name;
            try {
                String text = SourceText.read(new SourceFile(path, file, Files.size(file)), ReadLimits.DEFAULT);
                if (name.endsWith(".properties")) {
                    properties(path, text, out);
                } else {
                    yaml(new YamlDocReader(ReadLimits.DEFAULT).read(path, text), "", out);
                }
            } catch (DocException | IOException | RuntimeException e) {
                // an unreadable configuration file only means the key's location stays the annotation's
            }
        }
        return out;
    }

    private static void properties(String path, String text, Map<String, Key> out) {
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = indexOfSeparator(line);
            String key = (sep < 0 ? line : line.substring(0, sep)).strip();
            String value = sep < 0 ? "" : line.substring(sep + 1).strip();
            int column = lines[i].length() - line.length() + 1;
            out.putIfAbsent(normal(key), new Key(Location.at(path, i + 1, column), inline(value)));
        }
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                return i;
            }
        }
        return -1;
    }

    private static void yaml(DocNode node, String prefix, Map<String, Key> out) {
        if (!(node instanceof DocMap map)) {
            return;
        }
        for (DocMap.Entry e : map.entries()) {
            String key = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
            if (e.value() instanceof DocMap) {
                yaml(e.value(), key, out);
            } else {
                out.putIfAbsent(normal(key), new Key(e.keyLocation(), inline(e.value().scalarText().orElse(""))));
            }
        }
    }

    private static boolean inline(String value) {
        return !value.isBlank() && !value.strip().startsWith("${");
    }

    private static String normal(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
