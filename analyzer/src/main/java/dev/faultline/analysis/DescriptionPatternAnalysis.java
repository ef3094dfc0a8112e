package dev.faultline.analysis;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.model.Parameter;
import dev.faultline.report.Finding;
import dev.faultline.report.Location;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tool poisoning: text aimed at the model hidden in a tool's description or parameter docs
 * (instructions, invisible characters, requests to send data elsewhere, references to other tools).
 * The patterns are the rule body's; this engine only applies them. Keyed
 * {@code tool[:param]#pattern-id}.
 */
public final class DescriptionPatternAnalysis implements Analysis {
    private static final int EXCERPT = 80;

    @Override
    public String kind() {
        return "description-pattern";
    }

    private record NamedPattern(String id, String what, Pattern regex) {
    }

    private record Text(String where, String keySuffix, String text, Location location) {
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        List<NamedPattern> patterns = patterns(rule.body());
        boolean mentions = rule.body().bool("mentions-other-tools").orElse(false);
        List<ClassifiedTool> all = ctx.sortedTools();
        List<Finding> findings = new ArrayList<>();
        MentionIndex mentionIndex = mentions ? new MentionIndex(all) : null;
        for (ClassifiedTool t : all) {
            for (Text text : texts(t)) {
                for (NamedPattern p : patterns) {
                    Matcher m = p.regex().matcher(text.text());
                    if (m.find()) {
                        findings.add(finding(rule, t, text, p.id(), p.what(), excerpt(text.text(), m.start(), m.end())));
                    }
                }
                if (mentions) {
                    for (ClassifiedTool other : mentionIndex.candidates(text.text())) {
                        String name = other.tool().name();
                        if (other == t || name.equals(t.tool().name())) {
                            continue;
                        }
                        Matcher m = mentionIndex.pattern(name).matcher(text.text());
                        if (m.find()) {
                            findings.add(finding(rule, t, text, "mentions-" + name, "a reference to another tool, " + other.id(),
                                    excerpt(text.text(), m.start(), m.end())));
                        }
                    }
                }
            }
        }
        return findings;
    }

    /**
     * The tools whose distinctive name a text may mention, found through the text's words instead of
     * trying every tool's name on every text (quadratic in tools). A mention starts where no word
     * character precedes it, so the text's word that starts there begins with the name's leading
     * word; candidates are the tools whose leading word is a word of the text, in their sorted order.
     */
    private static final class MentionIndex {
        private final Map<String, List<Integer>> byLeadingWord = new java.util.HashMap<>();
        private final List<Integer> always = new ArrayList<>();
        private final List<ClassifiedTool> all;
        private final Map<String, Pattern> patterns = new java.util.HashMap<>();

        MentionIndex(List<ClassifiedTool> all) {
            this.all = all;
            for (int i = 0; i < all.size(); i++) {
                String name = all.get(i).tool().name();
                if (!distinctive(name)) {
                    continue;
                }
                String lead = leadingWord(name, 0);
                if (lead.isEmpty()) {
                    always.add(i);
                } else {
                    byLeadingWord.computeIfAbsent(lead, k -> new ArrayList<>()).add(i);
                }
            }
        }

        List<ClassifiedTool> candidates(String text) {
            java.util.SortedSet<Integer> found = new java.util.TreeSet<>(always);
            for (int i = 0; i < text.length(); i++) {
                if (isWord(text.charAt(i)) && (i == 0 || !isWord(text.charAt(i - 1)))) {
                    String word = leadingWord(text, i);
                    found.addAll(byLeadingWord.getOrDefault(word, List.of()));
                    i += word.length() - 1;
                }
            }
            return found.stream().map(all::get).toList();
        }

        Pattern pattern(String name) {
            return patterns.computeIfAbsent(name, n -> Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(n) + "(?![A-Za-z0-9_])"));
        }

        private static String leadingWord(String s, int from) {
            int end = from;
            while (end < s.length() && isWord(s.charAt(end))) {
                end++;
            }
            return s.substring(from, end);
        }

        private static boolean isWord(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
    }

    private static boolean distinctive(String name) {
        return name.length() >= 5 && (name.contains("_") || name.contains("-") || name.matches(".*[a-z][A-Z].*"));
    }

    private static Finding finding(Rule rule, ClassifiedTool t, Text text, String patternId, String what, String excerpt) {
        String message = FindingText.fill(rule.message(), Map.of("tool", t.id(), "where", text.where(), "what", what,
                "excerpt", excerpt));
        return new Finding(rule.id(), rule.severity(), "medium", t.id() + text.keySuffix() + "#" + patternId, message,
                text.location(), List.of(), List.of(), Optional.empty());
    }

    private static List<Text> texts(ClassifiedTool t) {
        List<Text> texts = new ArrayList<>();
        texts.add(new Text("description", "", t.tool().description(), t.tool().location()));
        for (Parameter p : t.tool().parameters()) {
            texts.add(new Text("documentation of parameter " + p.name(), ":" + p.name(), p.description(), p.location()));
        }
        return texts;
    }

    /** A short, visible excerpt around a match: invisible characters are shown as {@code U+XXXX}. */
    static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 20);
        int to = Math.min(text.length(), Math.max(end, start + 1) + 20);
        StringBuilder b = new StringBuilder();
        text.substring(from, to).codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || cp >= 0xE0000 && cp <= 0xE007F) {
                b.append(String.format("<U+%04X>", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        String s = b.toString().replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + (s.length() > EXCERPT ? s.substring(0, EXCERPT) + "…" : s) + (to < text.length() ? "…" : "");
    }

    private static List<NamedPattern> patterns(DocMap body) {
        List<NamedPattern> out = new ArrayList<>();
        for (DocNode n : body.list("patterns").map(l -> l.items()).orElse(List.of())) {
            DocMap p = n.asMap().orElseThrow(() -> new RuleFileException("a pattern must be a mapping", n.location()));
            String id = p.string("id").orElseThrow(() -> new RuleFileException("pattern needs an id", p.location()));
            String regex = p.string("regex").orElseThrow(() -> new RuleFileException("pattern needs a regex", p.location()));
            try {
                out.add(new NamedPattern(id, p.string("what", id),
                        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)));
            } catch (PatternSyntaxException e) {
                throw new RuleFileException("bad regex in pattern " + id + ": " + e.getDescription(), p.location());
            }
        }
        return out;
    }
}
