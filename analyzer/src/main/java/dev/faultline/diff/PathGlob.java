package dev.faultline.diff;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A path glob over relative {@code /} paths, case-insensitive: {@code **}{@code /} matches any number
 * of folders (none included), {@code **} anything, {@code *} anything inside one folder, {@code ?} one
 * character.
 */
public record PathGlob(String text, Pattern regex) {

    /** Compiles a glob. */
    public static PathGlob of(String glob) {
        StringBuilder re = new StringBuilder();
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
                re.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new PathGlob(glob, Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** True when the relative path matches. */
    public boolean matches(String path) {
        return regex.matcher(path.toLowerCase(Locale.ROOT)).matches() || regex.matcher(path).matches();
    }
}
