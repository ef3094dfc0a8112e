package dev.faultline.pipeline;

import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ProjectIngester;
import dev.faultline.ingest.java.FactsCache;
import dev.faultline.ingest.java.JavaSourceIngester;
import dev.faultline.ingest.schema.SchemaIngesters;
import dev.faultline.rules.RuleCatalog;
import java.util.List;
import java.util.Optional;

/** The ingesters a scan uses, in detection order. */
public final class Ingesters {
    private Ingesters() {
    }

    /** Readers of JSON and YAML formats. */
    public static List<DocumentIngester> documents() {
        return SchemaIngesters.all();
    }

    /** Readers of source trees. */
    public static List<ProjectIngester> projects(RuleCatalog catalog) {
        return projects(catalog, ReadLimits.DEFAULT);
    }

    /** Readers of source trees, each file within {@code limits}. */
    public static List<ProjectIngester> projects(RuleCatalog catalog, ReadLimits limits) {
        return projects(catalog, limits, Optional.empty());
    }

    /** Readers of source trees, each file within {@code limits}, the Java reader keeping facts in {@code cache}. */
    public static List<ProjectIngester> projects(RuleCatalog catalog, ReadLimits limits, Optional<FactsCache> cache) {
        return List.of(new JavaSourceIngester(catalog, limits, cache));
    }
}
