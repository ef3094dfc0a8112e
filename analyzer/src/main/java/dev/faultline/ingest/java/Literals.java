package dev.faultline.ingest.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the constant text of annotation attributes and string expressions. */
final class Literals {
    private Literals() {
    }

    /** An annotation attribute's value expression ({@code value} also answers a single-member annotation). */
    static Optional<Expression> attribute(AnnotationExpr a, String name) {
        if (a instanceof SingleMemberAnnotationExpr s) {
            return name.equals("value") ? Optional.of(s.getMemberValue()) : Optional.empty();
        }
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals(name)) {
                    return Optional.of(p.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The literal text of an expression: string literals and text blocks, concatenations of them
     * (non-literal parts are left out), and arrays of them joined by new lines. {@code ""} when none.
     */
    static String literalText(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        if (e instanceof EnclosedExpr en) {
            return literalText(en.getInner());
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return literalText(b.getLeft()) + literalText(b.getRight());
        }
        if (e instanceof ArrayInitializerExpr a) {
            return a.getValues().stream().map(Literals::literalText).collect(Collectors.joining("\n"));
        }
        return "";
    }
}
