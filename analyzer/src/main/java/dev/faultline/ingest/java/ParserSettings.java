package dev.faultline.ingest.java;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import java.util.List;
import java.util.function.Supplier;

/**
 * How Faultline configures JavaParser: Java 21 syntax; tokens kept (with none, JavaParser 3.28
 * keeps no node ranges, and every location needs a line); {@code \}{@code uXXXX} escapes read as
 * javac reads them, so a name written with escapes is still that name; and the language level's
 * post-processing ({@code var} types) without its validation. The validators walk the tree once
 * per check to find code javac would reject, about a third of the parse time, and a scanner has
 * no use for that verdict: it reads whatever parses.
 */
public final class ParserSettings {
    /** The class of the processor JavaParser 3.28 adds to run a language level's post-processing and validation. */
    private static final String LEVEL_PROCESSOR = ParserConfiguration.class.getName() + "$2";

    private ParserSettings() {
    }

    /** A new configuration with these settings. */
    public static ParserConfiguration configuration() {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setStoreTokens(true)
                .setPreprocessUnicodeEscapes(true);
        List<Supplier<Processor>> processors = config.getProcessors();
        for (int i = 0; i < processors.size(); i++) {
            if (processors.get(i).get().getClass().getName().equals(LEVEL_PROCESSOR)) {
                processors.set(i, PostProcessingOnly::new);
            }
        }
        return config;
    }

    /** The post-processing of Java 21 (which turns {@code var} into a var type), and no validation. */
    private static final class PostProcessingOnly extends Processor {
        private final Java21PostProcessor postProcessor = new Java21PostProcessor();

        @Override
        public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
            postProcessor.postProcess(result, configuration);
        }
    }
}
