package dev.faultline.ingest.java;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.faultline.doc.DocException;
import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.report.Location;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The method bodies left out of the skeleton parses of one {@link SourceIndex} (see
 * {@link DeclarationSkeleton}): each is parsed on its own when a walk or a search needs it, under the
 * parse budget, and put in its method with its nodes and tokens moved to their lines and columns in
 * the file. A body that does not parse is reported against its file each time it is asked for.
 */
final class LeftOutBodies {
    /** A body left out of a file's parse. */
    private record LeftOut(SourceIndex.Entry entry, DeclarationSkeleton skeleton, DeclarationSkeleton.Body body) {
    }

    /** Why a body could not be read, and the file it is in. */
    private record Unreadable(SourceIndex.Entry entry, DocException why) {
    }

    private final ParserConfiguration config;
    private final ReadLimits limits;
    private final Map<MethodDeclaration, LeftOut> leftOut = new IdentityHashMap<>();
    private final Map<CompilationUnit, List<MethodDeclaration>> leftOutIn = new IdentityHashMap<>();
    private final Set<MethodDeclaration> completed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<MethodDeclaration, Unreadable> unreadable = new IdentityHashMap<>();

    /** Bodies parsed with {@code config}, each within the budget of {@code limits}. */
    LeftOutBodies(ParserConfiguration config, ReadLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    /** The bodies {@code skeleton} left out of {@code cu}: the one at index i belongs to {@code methods.get(i)}. */
    void add(CompilationUnit cu, SourceIndex.Entry entry, DeclarationSkeleton skeleton, List<MethodDeclaration> methods) {
        for (int i = 0; i < methods.size(); i++) {
            leftOut.put(methods.get(i), new LeftOut(entry, skeleton, skeleton.bodies().get(i)));
        }
        leftOutIn.put(cu, List.copyOf(methods));
    }

    /** Reads a method's body if it was left out; true when the method has a body. Failures are recorded in {@code sink}. */
    boolean complete(MethodDeclaration method, ModelBuilder sink) {
        LeftOut out = leftOut.get(method);
        if (out != null && completed.add(method)) {
            try {
                method.setBody(parse(out, method));
            } catch (DocException e) {
                unreadable.put(method, new Unreadable(out.entry(), e));
                method.removeBody();
            }
        }
        Unreadable bad = unreadable.get(method);
        if (bad != null) {
            sink.failed(bad.entry().file(), "java", bad.why());
        }
        return method.getBody().isPresent();
    }

    /** Reads every body left out under {@code scope} whose text mentions one of {@code words}. */
    void completeMentioning(Node scope, Collection<String> words, ModelBuilder sink) {
        for (MethodDeclaration m : scope.findCompilationUnit().map(leftOutIn::get).orElse(List.of())) {
            LeftOut out = leftOut.get(m);
            if (m.isDescendantOf(scope) && words.stream().anyMatch(w -> out.skeleton().mentions(out.body(), w))) {
                complete(m, sink);
            }
        }
    }

    /** Reads every body left out of {@code cu}. */
    void completeAll(CompilationUnit cu, ModelBuilder sink) {
        leftOutIn.getOrDefault(cu, List.of()).forEach(m -> complete(m, sink));
    }

    private BlockStmt parse(LeftOut out, MethodDeclaration method) throws DocException {
        String path = out.entry().file().path();
        DeclarationSkeleton.Position at = out.body().begin();
        try {
            ParseResult<BlockStmt> result = SourceIndex.parse(config, limits, path, ParseStart.BLOCK, out.skeleton().text(out.body()));
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                throw SourceIndex.syntaxError(path, result, at);
            }
            int above = 0;
            for (Node n = method; n != null; n = n.getParentNode().orElse(null)) {
                above++;
            }
            if (above + SyntaxDepth.tree(result.getResult().get()) > SyntaxDepth.MAX) {
                throw new DocException("syntax tree deeper than " + SyntaxDepth.MAX
                        + " levels (a very long chain of operators or calls)", Location.at(path, at.line(), at.column()));
            }
            BlockStmt block = result.getResult().get();
            moveTo(block, at);
            return block;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DocException("Java parser failed: " + e.getClass().getSimpleName(), Location.file(path));
        }
    }

    /** Moves a body parsed on its own (its brace at line 1, column 1) to where it is in its file: its nodes and tokens. */
    private static void moveTo(BlockStmt block, DeclarationSkeleton.Position at) {
        Set<Node> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        block.walk(nodes::add);
        nodes.addAll(block.getAllContainedComments());
        for (Node n : nodes) {
            n.getRange().ifPresent(r -> n.setRange(new Range(moved(r.begin, at), moved(r.end, at))));
        }
        block.getTokenRange().ifPresent(tokens -> {
            for (JavaToken t : tokens) {
                t.getRange().ifPresent(r -> t.setRange(new Range(moved(r.begin, at), moved(r.end, at))));
            }
        });
    }

    /** Where a position of text parsed on its own lies in its file, when that text starts {@code at}. */
    static Position moved(Position p, DeclarationSkeleton.Position at) {
        return p.line == 1 ? new Position(at.line(), p.column + at.column() - 1) : new Position(p.line + at.line() - 1, p.column);
    }
}
