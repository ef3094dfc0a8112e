package dev.faultline.ingest.java;

/**
 * The tokens of Java source for the passes that read it without parsing ({@link JavaOutline},
 * {@link DeclarationSkeleton}, {@link SyntaxDepth}): words (identifiers and keywords), single
 * characters of punctuation, and literals (strings, text blocks, characters, numbers), one token
 * each; white space and comments are skipped. The text is read as javac reads it once its
 * {@code \}{@code u} escapes are decoded, so callers decode them first or refuse text that has
 * them. Strict tokens throw {@link NotPlain} at a comment or literal the text does not close;
 * lenient ones end a string or character literal with its line, and a comment or text block with
 * the text. Nothing recurses, so no text can overflow the stack.
 */
final class JavaTokens {
    /** What a token is. */
    enum Kind { WORD, PUNCT, LITERAL }

    /** The text ends inside a comment or literal, or a literal runs past its line: strict tokens stop there. */
    static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final boolean strict;
    private final int n;
    private int pos;
    private int start;
    private int end;
    private Kind kind;
    private boolean pushedBack;

    private JavaTokens(String text, boolean strict) {
        this.text = text;
        this.strict = strict;
        this.n = text.length();
    }

    /** Tokens that throw {@link NotPlain} where the text is not plainly understood. */
    static JavaTokens strict(String text) {
        return new JavaTokens(text, true);
    }

    /** Tokens of any text. */
    static JavaTokens lenient(String text) {
        return new JavaTokens(text, false);
    }

    /** Moves to the next token; false at the end of the text. */
    boolean next() {
        if (pushedBack) {
            pushedBack = false;
            return true;
        }
        while (pos < n) {
            char c = text.charAt(pos);
            start = pos;
            if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '/') {
                while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                pos = close >= 0 ? close + 2 : unclosed();
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                pos++;
            } else if (Character.isJavaIdentifierStart(c)) {
                while (pos < n && Character.isJavaIdentifierPart(text.charAt(pos))) {
                    pos++;
                }
                return at(Kind.WORD);
            } else if (Character.isDigit(c)) {
                while (pos < n && (Character.isJavaIdentifierPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                return at(Kind.LITERAL);
            } else if (c == '"' && text.startsWith("\"\"\"", pos)) {
                pos = textBlockEnd(pos + 3);
                return at(Kind.LITERAL);
            } else if (c == '"' || c == '\'') {
                pos = literalEnd(pos + 1, c);
                return at(Kind.LITERAL);
            } else {
                pos++;
                return at(Kind.PUNCT);
            }
        }
        return false;
    }

    /** Makes the next {@link #next} return the token just read again. */
    void pushBack() {
        pushedBack = true;
    }

    Kind kind() {
        return kind;
    }

    /** Offset of the token's first character. */
    int start() {
        return start;
    }

    /** Offset just past the token. */
    int end() {
        return end;
    }

    /** True when the token is a word. */
    boolean word() {
        return kind == Kind.WORD;
    }

    /** True when the token is this character of punctuation. */
    boolean is(char punctuation) {
        return kind == Kind.PUNCT && text.charAt(start) == punctuation;
    }

    /** True when the token is this word. */
    boolean is(String word) {
        return kind == Kind.WORD && end - start == word.length() && text.startsWith(word, start);
    }

    /** The token's text. */
    String text() {
        return text.substring(start, end);
    }

    private boolean at(Kind kind) {
        this.kind = kind;
        this.end = pos;
        return true;
    }

    private int unclosed() {
        if (strict) {
            throw new NotPlain();
        }
        return n;
    }

    private int literalEnd(int from, char quote) {
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return strict ? unclosed() : i; // a string or character literal never runs past its line
            }
        }
        return unclosed();
    }

    private int textBlockEnd(int from) {
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                return i + 3;
            }
        }
        return unclosed();
    }
}
