package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.AgentModel;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which bodies a skeleton leaves out (the fixture marks each body's first line {@code left-out} or
 * {@code kept}), and that a file read from its skeleton, once every body is read, is the file a
 * whole parse gives: the same tree, every node and comment at the same line and column, with
 * {@code \n}, {@code \r\n} and tab-indented text alike.
 */
class DeclarationSkeletonTest {
    private static final Path FIXTURE = Path.of("src/test/resources/ingest/skeleton/Skeletons.java");
    private static final String FQN = "com.example.skeleton.Skeletons";

    @TempDir
    Path temp;

    @Test
    void leavesOutExactlyTheMethodBodiesTheFixtureMarks() throws IOException {
        String source = Files.readString(FIXTURE);
        DeclarationSkeleton skeleton = DeclarationSkeleton.of(source).orElseThrow();
        Set<Integer> leftOut = new TreeSet<>();
        skeleton.bodies().forEach(b -> leftOut.add(b.begin().line()));
        assertThat(leftOut).hasSameSizeAs(skeleton.bodies());

        Set<Integer> marked = new TreeSet<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// left-out")) {
                marked.add(i + 1);
            }
        }
        assertThat(leftOut).isEqualTo(marked);
        for (DeclarationSkeleton.Body body : skeleton.bodies()) {
            assertThat(source.charAt(body.open())).isEqualTo('{');
            assertThat(source.charAt(body.close())).isEqualTo('}');
        }
        assertThat(skeleton.text()).doesNotContain("still in the body", "lambda in a body", "return 9.8")
                .contains("an anonymous class in a field initializer", "return 3.7", "this.order = order", "return 1;");
        assertThat(skeleton.text().lines().count()).isEqualTo(source.lines().count());
    }

    @Test
    void readingEveryBodyGivesTheWholeParseWithTheSamePositions() throws IOException {
        String source = Files.readString(FIXTURE);
        for (String variant : List.of(source, source.replace("\n", "\r\n"), source.replace("    ", "\t"))) {
            Path root = temp.resolve("v" + Integer.toHexString(variant.hashCode()));
            Path file = root.resolve("com/example/skeleton/Skeletons.java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, variant);
            SourceIndex wholeIndex = index(root, file, SourceIndex.BodyReading.WHOLE, new ModelBuilder());
            CompilationUnit whole = wholeIndex.parse(wholeIndex.filesOf(FQN).get(0)).orElseThrow();
            SourceIndex onDemand = index(root, file, SourceIndex.BodyReading.ON_DEMAND, new ModelBuilder());
            CompilationUnit declarations = onDemand.declarations(onDemand.filesOf(FQN).get(0)).orElseThrow();
            assertThat(declarations.toString()).isNotEqualTo(whole.toString());
            CompilationUnit read = onDemand.parse(onDemand.filesOf(FQN).get(0)).orElseThrow();
            assertThat(read).isSameAs(declarations);
            assertThat(read.toString()).isEqualTo(whole.toString());
            assertThat(shape(read)).isEqualTo(shape(whole));
        }
    }

    @Test
    void aBodyIsReadOnlyWhenAskedForAndAtItsPlace() throws IOException {
        Path file = write("com/example/skeleton/Skeletons.java", Files.readString(FIXTURE));
        SourceIndex index = index(temp.resolve("src"), file, SourceIndex.BodyReading.ON_DEMAND, new ModelBuilder());
        CompilationUnit cu = index.declarations(index.filesOf(FQN).get(0)).orElseThrow();
        MethodDeclaration run = cu.findAll(MethodDeclaration.class, m -> m.getNameAsString().equals("run")).get(0);
        assertThat(run.getBody().orElseThrow().getStatements()).isEmpty();
        assertThat(index.completeBody(run)).isTrue();
        assertThat(run.getBody().orElseThrow().getStatements()).hasSize(3);
        Node increment = run.getBody().orElseThrow().getStatement(2);
        assertThat(increment.getBegin().orElseThrow().line).isEqualTo(52);
        assertThat(increment.getBegin().orElseThrow().column).isEqualTo(9);
        assertThat(increment.findCompilationUnit()).containsSame(cu);
        MethodDeclaration generic = cu.findAll(MethodDeclaration.class, m -> m.getNameAsString().equals("generic")).get(0);
        assertThat(generic.getBody().orElseThrow().getStatements()).as("a body no one asked for").isEmpty();
    }

    @Test
    void aBodyThatDoesNotParseFailsItsFileWithTheLineWhenItIsRead() throws IOException {
        Path file = write("com/example/Broken.java", """
                package com.example;

                class Broken {
                    int fine() {
                        return 1;
                    }

                    int broken() {
                        int x = ;
                        return x;
                    }
                }
                """);
        ModelBuilder model = new ModelBuilder();
        SourceIndex index = index(temp.resolve("src"), file, SourceIndex.BodyReading.ON_DEMAND, model);
        CompilationUnit cu = index.declarations(index.filesOf("com.example.Broken").get(0)).orElseThrow();
        assertThat(status(model.build(), "com/example/Broken.java").status()).isEqualTo(InputStatus.SCANNED);

        MethodDeclaration fine = cu.findAll(MethodDeclaration.class).get(0);
        MethodDeclaration broken = cu.findAll(MethodDeclaration.class).get(1);
        assertThat(index.completeBody(fine)).isTrue();
        assertThat(index.completeBody(broken)).as("read as having no body, as when the whole file fails").isFalse();
        InputFile failed = status(model.build(), "com/example/Broken.java");
        assertThat(failed.status()).isEqualTo(InputStatus.FAILED);
        assertThat(failed.location().startLine()).isEqualTo(9);
        assertThat(failed.reason()).startsWith("Java syntax error");
    }

    @Test
    void textThatIsNotPlainlyUnderstoodHasNoSkeleton() {
        String body = "class A {\n  void m() {\n    run();\n  }\n}\n";
        assertThat(DeclarationSkeleton.of(body)).isPresent();
        assertThat(DeclarationSkeleton.of(body.replace("run();", "run(); // \\u007d"))).as("unicode escapes").isEmpty();
        assertThat(DeclarationSkeleton.of(body.replace("run();", "String s = \"open;"))).as("unterminated string").isEmpty();
        assertThat(DeclarationSkeleton.of(body.replace("run();", "/* open"))).as("unterminated comment").isEmpty();
        assertThat(DeclarationSkeleton.of(body + "}")).as("unbalanced").isEmpty();
        assertThat(DeclarationSkeleton.of(body.replace("  }\n}", "  }\n"))).as("unclosed").isEmpty();
        assertThat(DeclarationSkeleton.of("class A {\n  void m() { run(); }\n}\n")).as("only one-line bodies").isEmpty();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = temp.resolve("src").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static SourceIndex index(Path root, Path file, SourceIndex.BodyReading reading, ModelBuilder model) throws IOException {
        SourceIndex index = new SourceIndex(ParserSettings.configuration(), ReadLimits.DEFAULT, model, java.util.Optional.empty(), reading);
        index.addAll(List.of(new SourceFile(root.relativize(file).toString().replace('\\', '/'), file, Files.size(file))),
                JavaRows.from(JavaFixtures.CATALOG), done -> { });
        return index;
    }

    private static InputFile status(AgentModel model, String path) {
        return model.inputs().stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow();
    }

    /** Every node and comment in tree order: its class and range. */
    private static List<String> shape(CompilationUnit cu) {
        List<String> out = new ArrayList<>();
        cu.walk(n -> out.add(n.getClass().getSimpleName() + " " + n.getRange().map(Object::toString).orElse("-")));
        cu.getAllContainedComments().forEach(c -> out.add("comment " + c.getRange().map(Object::toString).orElse("-")));
        return out;
    }

    /**
     * Hostile or broken text: four hundred seeded mutations of the fixture (braces, parentheses,
     * quotes, comment marks and line breaks inserted or deleted). The skeleton never throws, and
     * whenever it is used for a file that parses whole, reading every body gives the whole parse.
     */
    @Test
    void mutatedTextIsEitherReadAsAWholeParseReadsItOrParsedWhole() throws IOException {
        String source = Files.readString(FIXTURE);
        java.util.Random random = new java.util.Random(42);
        String alphabet = "{}()\"'/*\n;=<>@\\";
        int compared = 0;
        for (int round = 0; round < 400; round++) {
            StringBuilder text = new StringBuilder(source);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                if (random.nextBoolean()) {
                    text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                } else {
                    text.deleteCharAt(at);
                }
            }
            String mutated = text.toString();
            Optional<DeclarationSkeleton> skeleton = DeclarationSkeleton.of(mutated);
            skeleton.ifPresent(k -> k.bodies().forEach(b -> assertThat(mutated.charAt(b.open())).isEqualTo('{')));
            Path root = temp.resolve("m" + round);
            Path file = root.resolve("com/example/skeleton/Skeletons.java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, mutated);
            SourceIndex wholeIndex = index(root, file, SourceIndex.BodyReading.WHOLE, new ModelBuilder());
            if (wholeIndex.filesOf(FQN).isEmpty()) {
                continue; // the package or class name was mutated
            }
            Optional<CompilationUnit> whole = wholeIndex.parse(wholeIndex.filesOf(FQN).get(0));
            if (whole.isEmpty() || skeleton.isEmpty()) {
                continue;
            }
            ModelBuilder model = new ModelBuilder();
            SourceIndex onDemand = index(root, file, SourceIndex.BodyReading.ON_DEMAND, model);
            CompilationUnit read = onDemand.parse(onDemand.filesOf(FQN).get(0)).orElseThrow();
            assertThat(model.build().inputs()).as("round " + round).allMatch(i -> i.status() == InputStatus.SCANNED);
            assertThat(read.toString()).as("round " + round).isEqualTo(whole.get().toString());
            assertThat(shape(read)).as("round " + round).isEqualTo(shape(whole.get()));
            compared++;
        }
        assertThat(compared).as("mutations that still parse, compared").isGreaterThan(40);
    }
}
