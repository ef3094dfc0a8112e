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
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}|\\{\\{.+?}}");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("(?:[A-Za-z]+\\s+)?\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_WORD = Pattern.compile("token|key|secret|passw",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "([?&][^=&#]*(?:token|key|secret|password|signature|auth)[^=&#]*=)([^&#]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]+:)([^/@\\s]+)(@)");

    private SecretText() {
    }

    /**
     * True when {@code value} is a non-empty literal rather than a reference such as
     * {@code ${VAR}}, {@code ${env:VAR}}, {@code ${input:x}}, {@code $VAR}, {@code Bearer $VAR} or {@code {{...}}}.
     */
    static boolean isInlineLiteral(String value) {
        String v = value.strip();
        return !v.isEmpty() && !PLACEHOLDER.matcher(v).find() && !SHELL_VARIABLE.matcher(v).matches();
    }

    /** True when a command-line option's name says its value is a secret ({@code --api-key}, {@code --token}). */
    static boolean isSecretOption(String option) {
        return option.startsWith("-") && SECRET_WORD.matcher(option).find();
    }

    /** The URL with passwords and secret-looking query values masked. */
    static String maskUrl(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        return SECRET_QUERY.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
