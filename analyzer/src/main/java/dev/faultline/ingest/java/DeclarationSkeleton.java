package dev.faultline.ingest.java;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The text of a Java file with the bodies of its methods left out: what a file a tool only calls
 * into needs to be parsed for (its types, fields, constructors and method signatures), at a
 * fraction of the cost of the whole file. Each body left out keeps its braces and its line breaks,
 * so every other token of the file keeps its line and column, and the body can be parsed on its
 * own later, at its own position, when a walk enters that method.
 *
 * <p>Only method bodies are left out: constructors (which say what a type keeps in its fields),
 * initializer blocks, field initializers (lambdas, anonymous classes, array values), enum constant
 * bodies and one-line bodies stay. The scan reads the member structure of type bodies over strict
 * {@link JavaTokens}; whenever the text is not plainly
 * understood (unbalanced brackets, an unterminated literal, {@code \}{@code u} escapes that could
 * hide a brace) there is no skeleton and the file is parsed whole.
 */
final class DeclarationSkeleton {
    /**
     * A method body left out: the offsets of its {@code {} and {@code }} in the source, and where
     * each is as JavaParser counts lines and columns (from 1; a tab is one column).
     */
    record Body(int open, int close, Position begin, Position end) {
    }

    /** A line and column, from 1. */
    record Position(int line, int column) {
    }

    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");

    private final String source;
    private final String text;
    private final List<Body> bodies;

    private DeclarationSkeleton(String source, String text, List<Body> bodies) {
        this.source = source;
        this.text = text;
        this.bodies = bodies;
    }

    /** The skeleton of {@code source}; empty when no body can be left out or the text is not plainly understood. */
    static Optional<DeclarationSkeleton> of(String source) {
        if (source.contains("\\u")) {
            return Optional.empty(); // an escape can write a brace or a quote the lexer below would not see
        }
        List<int[]> spans;
        try {
            spans = new MemberScan(source).bodies();
        } catch (JavaTokens.NotPlain e) {
            return Optional.empty();
        }
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(source.length());
        List<Body> bodies = new ArrayList<>();
        int copied = 0;
        Lines lines = new Lines(source);
        for (int[] span : spans) {
            bodies.add(new Body(span[0], span[1], lines.at(span[0]), lines.at(span[1])));
            text.append(source, copied, span[0] + 1);
            int lastBreak = span[0];
            for (int i = span[0] + 1; i < span[1]; i++) {
                char c = source.charAt(i);
                if (c == '\n' || c == '\r') {
                    text.append(c);
                    lastBreak = i;
                }
            }
            for (int i = lastBreak + 1; i < span[1]; i++) {
                char c = source.charAt(i);
                text.append(c == '\t' || c == '\f' ? c : ' '); // the closing brace keeps its column
            }
            copied = span[1];
        }
        text.append(source, copied, source.length());
        return Optional.of(new DeclarationSkeleton(source, text.toString(), List.copyOf(bodies)));
    }

    /** The file's text with the bodies left out. */
    String text() {
        return text;
    }

    /** The bodies left out, in source order. */
    List<Body> bodies() {
        return bodies;
    }

    /** A body's text, from its {@code {} to its {@code }}. */
    String text(Body body) {
        return source.substring(body.open(), body.close() + 1);
    }

    /** Counts lines as JavaParser does: {@code \r\n}, {@code \r} and {@code \n} each end one. */
    private static final class Lines {
        private final String source;
        private int counted;
        private int line = 1;
        private int lineStart;

        Lines(String source) {
            this.source = source;
        }

        /** The position of {@code offset}, not before any offset asked before. */
        Position at(int offset) {
            for (; counted < offset; counted++) {
                char c = source.charAt(counted);
                if (c == '\n' || c == '\r' && (counted + 1 >= source.length() || source.charAt(counted + 1) != '\n')) {
                    line++;
                    lineStart = counted + 1;
                }
            }
            return new Position(line, offset - lineStart + 1);
        }
    }

    /**
     * True when the body's text (between its braces) contains {@code word} anywhere. Only the body is
     * read: a search to the end of the file for each body of a file with many methods would be quadratic.
     */
    boolean mentions(Body body, String word) {
        if (word.isEmpty()) {
            return true;
        }
        char first = word.charAt(0);
        for (int at = body.open(), last = body.close() - word.length(); at <= last; at++) {
            if (source.charAt(at) == first && source.startsWith(word, at)) {
                return true;
            }
        }
        return false;
    }

    /** Finds method bodies by the member structure of type bodies, over strict {@link JavaTokens}. */
    private static final class MemberScan {
        private enum Kind { TOP, TYPE, ENUM_CONSTANTS, OTHER }

        /** An open brace: what it holds, the type it belongs to, and the member being read in it. */
        private static final class Frame {
            Kind kind;
            final String typeName;
            int parens;
            boolean assigns;
            boolean typeKeyword;
            boolean enumKeyword;
            String declares;
            boolean declaresEnum;
            String lastIdent;
            String nameBeforeParens;
            boolean afterParameters;
            boolean inThrows;

            Frame(Kind kind, String typeName) {
                this.kind = kind;
                this.typeName = typeName;
            }

            void endMember() {
                parens = 0;
                assigns = false;
                typeKeyword = false;
                enumKeyword = false;
                declares = null;
                declaresEnum = false;
                lastIdent = null;
                nameBeforeParens = null;
                afterParameters = false;
                inThrows = false;
            }
        }

        private final String src;
        private final JavaTokens tokens;
        private int start;
        private char punct;
        private String ident;

        MemberScan(String src) {
            this.src = src;
            this.tokens = JavaTokens.strict(src);
        }

        /** The {open, close} offsets of every method body to leave out. */
        List<int[]> bodies() {
            List<int[]> out = new ArrayList<>();
            Deque<Frame> frames = new ArrayDeque<>();
            frames.push(new Frame(Kind.TOP, ""));
            while (next()) {
                Frame f = frames.peek();
                if (f.kind == Kind.OTHER) {
                    if (punct == '{') {
                        frames.push(new Frame(Kind.OTHER, f.typeName));
                    } else if (punct == '}') {
                        close(frames);
                    }
                    continue;
                }
                if (ident != null) {
                    identifier(f);
                    continue;
                }
                f.typeKeyword = false; // a declared type's name follows its keyword directly
                switch (punct) {
                    case '(', '[' -> {
                        if (punct == '(' && f.parens == 0) {
                            f.nameBeforeParens = f.lastIdent;
                            f.afterParameters = false;
                        }
                        f.parens++;
                        f.lastIdent = null;
                    }
                    case ')', ']' -> {
                        if (--f.parens < 0) {
                            throw new JavaTokens.NotPlain();
                        }
                        f.afterParameters = f.parens == 0 && punct == ')';
                        f.inThrows = false;
                        f.lastIdent = null;
                    }
                    case '{' -> open(frames, f, out);
                    case '}' -> close(frames);
                    case ';' -> {
                        if (f.parens == 0) {
                            if (f.kind == Kind.ENUM_CONSTANTS) {
                                f.kind = Kind.TYPE;
                            }
                            f.endMember();
                        }
                    }
                    default -> {
                        if (f.parens == 0) {
                            f.assigns |= punct == '=';
                            boolean throwsPart = f.inThrows && (punct == '.' || punct == ',' || punct == '<' || punct == '>'
                                    || punct == '?' || punct == '&');
                            f.afterParameters &= throwsPart;
                            f.inThrows &= throwsPart;
                        }
                        f.lastIdent = null;
                    }
                }
            }
            if (frames.size() != 1) {
                throw new JavaTokens.NotPlain();
            }
            return out;
        }

        private void identifier(Frame f) {
            if (f.parens == 0) {
                if (f.typeKeyword && f.declares == null) {
                    f.declares = ident;
                    f.declaresEnum = f.enumKeyword;
                }
                f.typeKeyword = TYPE_KEYWORDS.contains(ident);
                f.enumKeyword = ident.equals("enum");
                if (f.afterParameters && !f.inThrows && ident.equals("throws")) {
                    f.inThrows = true;
                } else if (!f.inThrows) {
                    f.afterParameters = false;
                }
            }
            f.lastIdent = ident;
        }

        private void open(Deque<Frame> frames, Frame f, List<int[]> out) {
            if (f.parens > 0) {
                frames.push(new Frame(Kind.OTHER, f.typeName)); // an array value in an annotation
            } else if (f.declares != null) {
                frames.push(new Frame(f.declaresEnum ? Kind.ENUM_CONSTANTS : Kind.TYPE, f.declares));
            } else if (f.kind == Kind.TYPE && !f.assigns && f.afterParameters && f.nameBeforeParens != null
                    && !f.nameBeforeParens.equals(f.typeName)) {
                int open = start;
                int close = matchingBrace();
                if (src.substring(open, close).indexOf('\n') >= 0 || src.substring(open, close).indexOf('\r') >= 0) {
                    out.add(new int[] {open, close});
                }
                f.endMember();
            } else {
                frames.push(new Frame(Kind.OTHER, f.typeName)); // a constructor, an initializer, a field's value, an enum constant
            }
        }

        private void close(Deque<Frame> frames) {
            if (frames.size() == 1) {
                throw new JavaTokens.NotPlain();
            }
            frames.pop();
            Frame parent = frames.peek();
            if (parent.kind != Kind.OTHER && parent.parens == 0) {
                parent.endMember();
            }
        }

        /** Reads up to the brace that closes the one just read; its offset. */
        private int matchingBrace() {
            int depth = 1;
            while (next()) {
                if (punct == '{') {
                    depth++;
                } else if (punct == '}' && --depth == 0) {
                    return start;
                }
            }
            throw new JavaTokens.NotPlain();
        }

        /** Reads the next token into {@link #ident}, {@link #punct} and {@link #start}; false at the end of the text. */
        private boolean next() {
            if (!tokens.next()) {
                return false;
            }
            start = tokens.start();
            ident = tokens.word() ? tokens.text() : null;
            punct = switch (tokens.kind()) {
                case WORD -> 'a';
                case LITERAL -> '0';
                case PUNCT -> src.charAt(start);
            };
            return true;
        }
    }
}
