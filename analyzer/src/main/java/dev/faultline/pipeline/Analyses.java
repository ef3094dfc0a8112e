package dev.faultline.pipeline;

import dev.faultline.analysis.Analysis;
import dev.faultline.analysis.ArgumentInjectionAnalysis;
import dev.faultline.analysis.BlastRadiusAnalysis;
import dev.faultline.analysis.CompositionAnalysis;
import dev.faultline.analysis.DescriptionPatternAnalysis;
import dev.faultline.analysis.ServerArgsAnalysis;
import dev.faultline.analysis.ServerLaunchAnalysis;
import dev.faultline.analysis.ServerSecretAnalysis;
import dev.faultline.analysis.ServerTransportAnalysis;
import dev.faultline.analysis.SharedCredentialAnalysis;
import dev.faultline.analysis.TaintAnalysis;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The analysis engines, by the rule kind each runs. Adding a rule of an existing kind needs no change here. */
public final class Analyses {
    private Analyses() {
    }

    /** Every engine, keyed by kind. */
    public static Map<String, Analysis> byKind() {
        Map<String, Analysis> m = new TreeMap<>();
        for (Analysis a : List.of(new TaintAnalysis(), new ArgumentInjectionAnalysis(), new CompositionAnalysis(), new SharedCredentialAnalysis(),
                new BlastRadiusAnalysis(), new DescriptionPatternAnalysis(), new ServerLaunchAnalysis(),
                new ServerSecretAnalysis(), new ServerTransportAnalysis(), new ServerArgsAnalysis())) {
            m.put(a.kind(), a);
        }
        return m;
    }
}
