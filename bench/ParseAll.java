import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 *
 * <p>{@code ParseAll DIR LIST} parses only the files LIST names (one path relative to DIR a line),
 * whole; {@code ParseAll --scanned REPORT} prints the {@code .java} inputs the JSON report of a
 * {@code faultline scan} says it parsed (status {@code scanned}). Together they give the floor of
 * any scan that reads those files with JavaParser.
 */
public final class ParseAll {
    public static void main(String[] args) throws IOException {
        if (args[0].equals("--scanned")) {
            for (JsonNode input : new ObjectMapper().readTree(Path.of(args[1]).toFile()).path("inputs")) {
                String path = input.path("path").asText();
                if (input.path("status").asText().equals("scanned") && path.endsWith(".java")) {
                    System.out.println(path);
                }
            }
            return;
        }
        Path root = Path.of(args[0]);
        List<Path> files;
        if (args.length > 1) {
            files = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).map(root::resolve).toList();
        } else {
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
            }
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
