package dev.faultline.ingest.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the text pass learns of a Java file, in one pass over the words of its code (comments and
 * literals skipped) and without parsing: its package, the types it declares with the simple names
 * of the supertypes each names after {@code extends}, {@code implements} or {@code permits},
 * whether it names a tool framework (a {@code java-framework-marker} row's text starts at one of
 * its words, as {@code dev.langchain4j.agent.tool} does in an import), and whether it may read a
 * credential the credential rows know (a call of a {@code credential-source} method such as
 * {@code getenv (}, or an annotation named as a {@code credential-annotation} such as
 * {@code @Value} or {@code @org.x.Value}, in any case), and the simple names of the types it
 * constructs ({@code new a.b.Client(} or {@code new Client<>(}). Lenient: any text has an outline,
 * and no part of the reading recurses, so no text can overflow the stack.
 *
 * @param pkg             the package, {@code ""} for none
 * @param types           the declared type names, in order, each once
 * @param supertypes      pairs {@code [type, supertype]} of simple names, in order
 * @param namesFramework  true when the file names a tool framework
 * @param readsCredential true when the file may read a credential
 * @param constructed     simple names of the types constructed with {@code new}, in order, each once
 */
record JavaOutline(String pkg, List<String> types, List<String[]> supertypes, boolean namesFramework, boolean readsCredential,
                   List<String> constructed) {
    /** The outline of {@code text} (already decoded of {@code \}{@code u} escapes), by the framework and credential rows of {@code rows}. */
    static JavaOutline of(String text, JavaRows rows) {
        return new Reader(text, rows).read();
    }

    /** One pass over the words of a text. */
    private static final class Reader {
        private final String text;
        private final JavaRows.CredentialWords credentials;
        private final List<String> markers;
        private final JavaRows.MarkerHeads heads;
        private final int n;
        private final JavaTokens tokens;
        private int start;
        private int end;
        private boolean word;
        private char punct;
        private boolean framework;

        Reader(String text, JavaRows rows) {
            this.text = text;
            this.credentials = rows.credentialWords();
            this.markers = rows.markers();
            this.heads = rows.markerHeads();
            this.n = text.length();
            this.tokens = JavaTokens.lenient(text);
        }

        JavaOutline read() {
            String pkg = "";
            List<String> types = new ArrayList<>();
            List<String[]> supertypes = new ArrayList<>();
            List<String> constructed = new ArrayList<>();
            boolean credential = false;
            // a marker that cannot start a word (odd rule text) is looked for anywhere
            framework = markers.stream().anyMatch(m -> !m.isEmpty() && !Character.isJavaIdentifierStart(m.charAt(0)) && text.contains(m));
            boolean annotation = false;
            String declaring = null;
            boolean keyword = false;
            boolean header = false;
            boolean afterSuper = false;
            int generics = 0;
            while (next()) {
                if (!word) {
                    if (header) {
                        if (punct == '{' || punct == ';') {
                            header = false;
                        } else if (punct == '<') {
                            generics++;
                        } else if (punct == '>') {
                            generics = Math.max(0, generics - 1);
                        }
                    }
                    annotation = punct == '@' || annotation && punct == '.';
                    keyword = false;
                    continue;
                }
                if (is("new")) {
                    keyword = false;
                    construction(constructed);
                    continue;
                }
                if (pkg.isEmpty() && types.isEmpty() && is("package")) {
                    pkg = qualifiedName();
                    continue;
                }
                if (keyword) {
                    declaring = text.substring(start, end);
                    if (!types.contains(declaring)) {
                        types.add(declaring);
                    }
                    header = true;
                    afterSuper = false;
                    generics = 0;
                    keyword = false;
                } else if (header) {
                    if (is("extends") || is("implements") || is("permits")) {
                        afterSuper = true;
                    } else if (afterSuper && generics == 0 && Character.isUpperCase(text.charAt(start))) {
                        supertypes.add(new String[] {declaring, text.substring(start, end)});
                    }
                } else {
                    keyword = is("class") || is("interface") || is("enum") || is("record");
                }
                if (!framework) {
                    framework = startsMarker();
                }
                if (!credential) {
                    int after = skipSpace(end);
                    boolean qualified = after < n && text.charAt(after) == '.';
                    credential = annotation && !qualified && oneOf(credentials.annotations())
                            || after < n && text.charAt(after) == '(' && oneOf(credentials.methods());
                    annotation = annotation && qualified;
                }
            }
            return new JavaOutline(pkg, List.copyOf(types), List.copyOf(supertypes), framework, credential, List.copyOf(constructed));
        }

        /** After {@code new}: the last part of the dotted name that follows, when a {@code (} or {@code <} follows it. */
        private void construction(List<String> out) {
            String last = null;
            boolean more = next();
            while (more && word) {
                last = text.substring(start, end);
                more = next();
                if (!more || word || punct != '.') {
                    break;
                }
                more = next();
            }
            if (more && last != null && !word && (punct == '(' || punct == '<') && Character.isUpperCase(last.charAt(0))
                    && !out.contains(last)) {
                out.add(last);
            }
            if (more) {
                tokens.pushBack(); // the token after the name is read again by the main loop
            }
        }

        /** True when a marker's text starts at the word just read. */
        private boolean startsMarker() {
            for (JavaRows.MarkerHeads.Group group : heads.groups()) {
                if (group.head().length() == end - start && text.startsWith(group.head(), start)) {
                    for (String m : group.markers()) {
                        if (text.startsWith(m, start)) {
                            return true;
                        }
                    }
                }
            }
            for (String m : heads.headless()) {
                if (m.charAt(0) == text.charAt(start) && text.startsWith(m, start)) {
                    return true;
                }
            }
            return false;
        }

        private boolean is(String keyword) {
            return end - start == keyword.length() && text.startsWith(keyword, start);
        }

        /** True when the word just read is one of {@code lowerCaseWords}, in any case. */
        private boolean oneOf(Set<String> lowerCaseWords) {
            for (String w : lowerCaseWords) {
                if (w.length() == end - start && text.regionMatches(true, start, w, 0, w.length())) {
                    return true;
                }
            }
            return false;
        }

        /** The dotted name after {@code package}, spaces and comments allowed between its parts. */
        private String qualifiedName() {
            StringBuilder name = new StringBuilder();
            while (next()) {
                if (word) {
                    framework = framework || name.isEmpty() && startsMarker(); // a file in a framework package names it
                    name.append(text, start, end);
                } else if (punct == '.') {
                    name.append('.');
                } else {
                    break;
                }
            }
            return name.toString();
        }

        private int skipSpace(int from) {
            int i = from;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        /** The next word ({@link #word}, at {@link #start} to {@link #end}) or punctuation character ({@link #punct}), over lenient {@link JavaTokens}; false at the end. */
        private boolean next() {
            while (tokens.next()) {
                if (tokens.kind() != JavaTokens.Kind.LITERAL) { // literals say nothing the outline reads
                    start = tokens.start();
                    end = tokens.end();
                    word = tokens.word();
                    punct = word ? '\0' : text.charAt(start);
                    return true;
                }
            }
            return false;
        }
    }
}
