package dev.faultline.ingest.schema;

import dev.faultline.ingest.SourceFile;
import java.util.Locale;

/** How a tool file's toolset is named when the document does not say. */
final class ToolsetNames {
    private static final String GENERIC = "tools";

    private ToolsetNames() {
    }

    /**
     * The file name without extension and without a {@code .tools}, {@code -tools} or
     * {@code _tools} suffix ({@code github.tools.json} is {@code github}); when that leaves
     * {@code tools} or nothing, the parent folder's name, else {@code tools}.
     */
    static String fromFile(SourceFile file) {
        String name = file.fileName();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".tools", "-tools", "_tools"}) {
            if (lower.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        if (!name.isBlank() && !name.equalsIgnoreCase(GENERIC)) {
            return name;
        }
        String folder = file.folder();
        String parent = folder.substring(folder.lastIndexOf('/') + 1);
        return parent.isBlank() ? GENERIC : parent;
    }

    /** Lower-case, every run of characters other than ASCII letters and digits replaced by {@code separator}. */
    static String slug(String text, String separator) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", separator);
        int start = 0;
        int end = s.length();
        while (start < end && s.startsWith(separator, start)) {
            start += separator.length();
        }
        while (end > start && s.substring(0, end).endsWith(separator)) {
            end -= separator.length();
        }
        return s.substring(start, end);
    }
}
