package dev.faultline.ingest.java;

import dev.faultline.rules.ModelRow;
import dev.faultline.rules.RuleCatalog;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The model rows the Java ingester reads (see {@code rules/java/models/*.yaml}): framework markers,
 * tool annotations, registrations, prompts, API calls, argument sinks and credential sources.
 */
record JavaRows(
        List<String> markers,
        List<ModelRow> toolAnnotations,
        List<ModelRow> registrations,
        List<ModelRow> promptAnnotations,
        List<ModelRow> promptCalls,
        List<ModelRow> toolSpecs,
        List<ModelRow> toolDescriptors,
        List<ModelRow> toolsByName,
        List<ModelRow> agentCalls,
        List<ModelRow> toolHints,
        List<ModelRow> calls,
        List<ModelRow> sinks,
        List<ModelRow> urls,
        List<ModelRow> credentialNames,
        List<ModelRow> credentialSources,
        List<ModelRow> credentialAnnotations,
        CredentialWords credentialWords,
        MarkerHeads markerHeads) {

    static JavaRows from(RuleCatalog catalog) {
        List<String> markers = catalog.rowsFor("java-framework-marker").stream()
                .flatMap(r -> r.match().stream()).distinct().sorted().toList();
        return new JavaRows(markers,
                catalog.rowsFor("java-tool-annotation"),
                catalog.rowsFor("java-tool-registration"),
                catalog.rowsFor("java-prompt-annotation"),
                catalog.rowsFor("java-prompt-call"),
                catalog.rowsFor("java-tool-spec"),
                catalog.rowsFor("java-tool-descriptor"),
                catalog.rowsFor("java-tool-by-name"),
                catalog.rowsFor("java-agent-calls"),
                catalog.rowsFor("java-tool-hints"),
                catalog.rowsFor("call"),
                catalog.rowsFor("argument-sink"),
                catalog.rowsFor("url"),
                catalog.rowsFor("credential-name"),
                catalog.rowsFor("credential-source"),
                catalog.rowsFor("credential-annotation"),
                CredentialWords.of(catalog.rowsFor("credential-source"), catalog.rowsFor("credential-annotation")),
                MarkerHeads.of(markers));
    }

    /**
     * The framework markers grouped by their head, the identifier before their first dot
     * ({@code dev} for {@code dev.langchain4j.service}): a marker with a head can start only at a
     * word that is its head, so the text pass turns most words away with one comparison per head.
     * Markers with no such head are tried at every word.
     */
    record MarkerHeads(List<Group> groups, List<String> headless) {
        /** The markers {@code markers} with the head {@code head}. */
        record Group(String head, List<String> markers) {
        }

        static MarkerHeads of(List<String> markers) {
            java.util.Map<String, List<String>> groups = new java.util.TreeMap<>();
            List<String> headless = new java.util.ArrayList<>();
            for (String m : markers) {
                int dot = m.indexOf('.');
                String head = dot > 0 ? m.substring(0, dot) : "";
                if (!head.isEmpty() && Character.isJavaIdentifierStart(head.charAt(0))
                        && head.chars().allMatch(Character::isJavaIdentifierPart)) {
                    groups.computeIfAbsent(head, k -> new java.util.ArrayList<>()).add(m);
                } else if (!m.isEmpty()) {
                    headless.add(m);
                }
            }
            return new MarkerHeads(groups.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList(),
                    List.copyOf(headless));
        }
    }

    /**
     * The words that may read a credential, lower-cased: method names of {@code credential-source}
     * rows ({@code getenv}) and simple names of {@code credential-annotation} rows ({@code Value}).
     */
    record CredentialWords(java.util.Set<String> methods, java.util.Set<String> annotations) {
        static CredentialWords of(List<ModelRow> sources, List<ModelRow> annotations) {
            java.util.Set<String> methods = new java.util.HashSet<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            sources.forEach(r -> r.match().forEach(m -> methods.add(m.substring(m.indexOf('#') + 1).toLowerCase(Locale.ROOT))));
            annotations.forEach(r -> r.match().forEach(m -> names.add(m.substring(m.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))));
            return new CredentialWords(java.util.Set.copyOf(methods), java.util.Set.copyOf(names));
        }
    }

    /** What a file's outline is read with ({@link JavaOutline#of}): markers and credential words, in a fixed order. */
    String outlineRows() {
        return markers + "\n" + new java.util.TreeSet<>(credentialWords.methods()) + "\n" + new java.util.TreeSet<>(credentialWords.annotations());
    }

    /** The first row (by id) matching any of the candidate values. */
    static Optional<Match> first(Collection<ModelRow> rows, List<String> candidates) {
        for (String value : candidates) {
            for (ModelRow row : rows) {
                if (row.matches(value)) {
                    return Optional.of(new Match(row, value));
                }
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern ANY_METHOD = java.util.regex.Pattern.compile("#[^A-Za-z<(]");

    /**
     * A cheap test before typing a call's receiver: false when no row can match a call of this
     * method, judged from the rows' literal text (a row whose method part is not literal may match any).
     */
    static boolean mayMatchMethod(List<ModelRow> rows, String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        for (ModelRow row : rows) {
            if (row.match().stream().anyMatch(m -> m.endsWith("#" + lower))) {
                return true;
            }
            if (row.pattern().isPresent()) {
                String source = PATTERN_TEXT.computeIfAbsent(row.pattern().get(), p -> ANY_METHOD.matcher(p.pattern()).find()
                        ? "" : p.pattern().toLowerCase(Locale.ROOT));
                if (source.isEmpty() || source.contains(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower-cased pattern text by pattern ({@code ""} when the method part is not literal); patterns compare by identity. */
    private static final java.util.Map<java.util.regex.Pattern, String> PATTERN_TEXT =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** True when a tool row says an MCP server serves its tools to external clients. */
    static boolean servedByMcpServer(ModelRow toolRow) {
        return Boolean.parseBoolean(attr(toolRow, "mcp-server", "false"));
    }

    /** True when a credential-name row says this name holds a secret. */
    boolean isCredentialName(String name) {
        return credentialNames.stream().anyMatch(r -> r.matches(name));
    }

    /** A row attribute, lower-cased keys as written in YAML. */
    static String attr(ModelRow row, String key, String fallback) {
        return row.attributes().getOrDefault(key, fallback);
    }

    /** The framework a row belongs to. */
    static String framework(ModelRow row) {
        return attr(row, "framework", row.model()).toLowerCase(Locale.ROOT);
    }

    /** A row that matched, with the value it matched. */
    record Match(ModelRow row, String value) {
    }
}
