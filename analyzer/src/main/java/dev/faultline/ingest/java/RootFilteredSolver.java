package dev.faultline.ingest.java;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import java.util.function.Predicate;

/**
 * A source root's type solver that is asked only about names a file under that root could declare
 * (as {@link SourceIndex#mayDeclare} judges from paths alone); any other name is unsolved at once.
 * With one solver per source root, a name used to be looked up, path by path, in every root.
 */
final class RootFilteredSolver implements TypeSolver {
    private final TypeSolver inner;
    private final Predicate<String> mayDeclare;
    private TypeSolver parent;

    RootFilteredSolver(TypeSolver inner, Predicate<String> mayDeclare) {
        this.inner = inner;
        this.mayDeclare = mayDeclare;
    }

    @Override
    public TypeSolver getParent() {
        return parent;
    }

    @Override
    public void setParent(TypeSolver parent) {
        this.parent = parent;
        inner.setParent(parent);
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
        return mayDeclare.test(name) ? inner.tryToSolveType(name) : SymbolReference.unsolved();
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String qualifiedModuleName, String simpleTypeName) {
        return inner.tryToSolveTypeInModule(qualifiedModuleName, simpleTypeName);
    }
}
