package dev.faultline.model;

import java.util.regex.Pattern;

/**
 * A pattern naming tools in a manifest: {@code toolset/name}, {@code toolset/*}, a bare
 * {@code name} (any toolset), or {@code *}. {@code *} matches any run of characters.
 */
public record ToolPattern(String text, Pattern regex, boolean qualified) {

    /** Compiles a pattern. */
    public static ToolPattern of(String text) {
        return new ToolPattern(text, Pattern.compile(globToRegex(text)), text.contains("/"));
    }

    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        int start = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) == '*') {
                b.append(Pattern.quote(glob.substring(start, i))).append(".*");
                start = i + 1;
            }
        }
        b.append(Pattern.quote(glob.substring(start)));
        return b.toString();
    }

    /** True when the tool is named by this pattern. */
    public boolean matches(Tool tool) {
        return matches(tool.id(), tool.name());
    }

    /** True when a tool with this id and name is named by this pattern. */
    public boolean matches(String id, String name) {
        return regex.matcher(qualified ? id : name).matches() || (!qualified && text.equals("*"));
    }
}
