import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parse-only baseline: reads and parses every {@code .java} file under {@code DIR} with
 * JavaParser at its Java 21 language level with tokens kept (its defaults otherwise: the level's
 * validation runs, unicode escapes are left as written), and does nothing else. Faultline's own
 * settings ({@code ParserSettings}) skip the validation and read the escapes. {@code java -cp analyzer/target/faultline.jar bench/ParseAll.java DIR}.
 */
public final class ParseAll {
    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21).setStoreTokens(true);
        long t0 = System.nanoTime();
        int ok = 0;
        for (Path f : files) {
            if (new JavaParser(config).parse(Files.readString(f)).isSuccessful()) {
                ok++;
            }
        }
        System.out.printf("parsed %d of %d files in %d ms%n", ok, files.size(), (System.nanoTime() - t0) / 1_000_000);
    }
}
