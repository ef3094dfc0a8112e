package dev.faultline.ingest.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a configured value is a secret written inline or a reference to one, and masks
 * secret values in launch lines, so that no secret read from a config reaches the model or a report.
 */
final class SecretText {
    /** What replaces a secret value. */
    static final String MASK = "***";
    private static final Pattern SHELL_VARIABLE = Pattern.compile("(?:[A-Za-z]+\\s+)?\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_WORD = Pattern.compile("token|key|secret|passw",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_QUERY_NAME = Pattern.compile("token|key|secret|passw|signature|auth",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]+:)([^/@\\s]+)(@)");

    private SecretText() {
    }

    /**
     * True when {@code value} is a non-empty literal rather than a reference such as
     * {@code ${VAR}}, {@code ${env:VAR}}, {@code ${input:x}}, {@code $VAR}, {@code Bearer $VAR} or {@code {{...}}}.
     */
    static boolean isInlineLiteral(String value) {
        String v = value.strip();
        return !v.isEmpty() && !hasPlaceholder(v, "${", "}") && !hasPlaceholder(v, "{{", "}}")
                && !SHELL_VARIABLE.matcher(v).matches();
    }

    private static boolean hasPlaceholder(String value, String open, String close) {
        int start = value.indexOf(open);
        return start >= 0 && value.indexOf(close, start + open.length() + 1) > 0;
    }

    /** True when a command-line option's name says its value is a secret ({@code --api-key}, {@code --token}). */
    static boolean isSecretOption(String option) {
        return option.startsWith("-") && SECRET_WORD.matcher(option).find();
    }

    /** The URL with passwords and secret-looking query values masked. */
    static String maskUrl(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        int query = masked.indexOf('?');
        if (query < 0) {
            return masked;
        }
        int fragment = masked.indexOf('#', query);
        String end = fragment < 0 ? "" : masked.substring(fragment);
        String[] params = masked.substring(query + 1, fragment < 0 ? masked.length() : fragment).split("&", -1);
        StringBuilder out = new StringBuilder(masked.substring(0, query + 1));
        for (int i = 0; i < params.length; i++) {
            int eq = params[i].indexOf('=');
            boolean secret = eq > 0 && SECRET_QUERY_NAME.matcher(params[i].substring(0, eq)).find();
            out.append(i == 0 ? "" : "&").append(secret ? params[i].substring(0, eq + 1) + MASK : params[i]);
        }
        return out.append(end).toString();
    }
}
