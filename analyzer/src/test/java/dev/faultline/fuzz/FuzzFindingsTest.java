package dev.faultline.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.rules.RuleCatalog;
import dev.faultline.rules.RuleFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fuzzing found, kept as plain tests with exact messages (the inputs also stay in the seed
 * corpus of {@link IngestersFuzzTest}).
 */
class FuzzFindingsTest {
    private static final Path SEEDS = Path.of("src/test/resources/dev/faultline/fuzz/IngestersFuzzTestInputs");

    @TempDir
    Path dir;

    /**
     * Jazzer's regex-injection detector: a model row's {@code pattern} with an invalid escape. Rule packs
     * are trusted configuration, so compiling their regexes is by design; the loader must still name the
     * row, the file and the line instead of failing with a PatternSyntaxException.
     */
    @Test
    void badRegexInAModelRowIsARuleFileErrorWithItsLine() throws IOException {
        byte[] input = Files.readAllBytes(SEEDS.resolve("ruleFiles/found-bad-pattern-escape.yaml"));
        Path models = Files.createDirectories(dir.resolve("fuzz/models"));
        Files.write(models.resolve("fuzz-model.yaml"), Arrays.copyOfRange(input, 1, input.length));
        assertThatThrownBy(() -> RuleCatalog.load(List.of(dir)))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("row fuzz-java-bind-spring-ai-chatclient: bad pattern: Illegal/unsupported escape sequence");
    }
}
