package dev.faultline.ingest.java;

import static dev.faultline.testing.TestTrees.copy;
import static dev.faultline.testing.TestTrees.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.JsonReportWriter;
import dev.faultline.report.Report;
import dev.faultline.rules.RuleCatalog;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan with a facts cache gives the same report as a scan without one, on every sample, whether
 * the cache is empty, full, damaged, or filled from a tree that has since changed in a framework
 * file, in a file a tool reaches, or in a configuration file beside the sources.
 */
class FactsCacheTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final RuleCatalog CATALOG = RuleCatalog.builtIn();

    @TempDir
    Path temp;

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(report, out);
        return out.toString();
    }

    private static String scan(Path tree, Optional<FactsCache> cache) throws IOException {
        return json(new Pipeline(CATALOG, ReadLimits.DEFAULT, cache).scan(List.of(tree)).report());
    }

    @TestFactory
    Stream<DynamicTest> coldAndWarmCacheGiveTheReportOfNoCache() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.walk(SAMPLES, 2)) {
            samples = s.filter(p -> Files.isRegularFile(p.resolve("faultline.yaml"))).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(SAMPLES.relativize(sample).toString(), () -> {
            String expected = scan(sample, Optional.empty());
            FactsCache cold = FactsCache.in(temp.resolve(sample.getFileName() + "-" + sample.getParent().getFileName()));
            assertThat(scan(sample, Optional.of(cold))).isEqualTo(expected);
            FactsCache warm = FactsCache.in(cold.folder().orElseThrow());
            assertThat(scan(sample, Optional.of(warm))).isEqualTo(expected);
            assertThat(warm.misses()).isZero();
            assertThat(warm.hits()).isEqualTo(cold.misses());
        }));
    }

    @Test
    void aPullRequestThatAddsAToolReadsAgainOnlyWhatItCanAffect() throws IOException {
        Path tree = copy(SAMPLES.resolve("support-agent/before"), temp.resolve("repo"));
        FactsCache before = FactsCache.in(temp.resolve("cache"));
        scan(tree, Optional.of(before));

        copy(SAMPLES.resolve("support-agent/after"), tree);
        FactsCache after = FactsCache.in(temp.resolve("cache"));
        assertThat(scan(tree, Optional.of(after))).isEqualTo(scan(tree, Optional.empty()));
        assertThat(after.misses()).as("the agent and the new tool class are read again").isPositive();
        assertThat(after.hits()).as("the tool classes the change does not reach are reused").isPositive();
    }

    private static final String CLIENT = "src/main/java/com/acme/support/billing/BillingAdminClient.java";

    /**
     * Fills a cache from {@code tree}, makes the edit, and checks that a scan with the cache gives
     * the report of a scan without one, which the edit changed; returns the cache of the second scan.
     */
    private FactsCache assertEditIsSeen(Path tree, String file, String from, String to) throws IOException {
        String original = scan(tree, Optional.of(FactsCache.in(temp.resolve("cache"))));
        edit(tree.resolve(file), from, to);
        FactsCache cache = FactsCache.in(temp.resolve("cache"));
        assertThat(scan(tree, Optional.of(cache))).isEqualTo(scan(tree, Optional.empty())).isNotEqualTo(original);
        assertThat(cache.misses()).isPositive();
        return cache;
    }

    @Test
    void aChangeInAClassAToolReachesIsSeen() throws IOException {
        Path tree = copy(SAMPLES.resolve("support-agent/after"), temp.resolve("repo"));
        FactsCache cache = assertEditIsSeen(tree, CLIENT, "restClient.post()", "restClient.get()");
        assertThat(cache.hits()).as("the tool classes that do not reach the client are reused").isPositive();
    }

    @Test
    void aClassNamedWithUnicodeEscapesIsStillInTheClosure() throws IOException {
        Path tree = copy(SAMPLES.resolve("support-agent/after"), temp.resolve("repo"));
        edit(tree.resolve("src/main/java/com/acme/support/tools/BillingAdminTools.java"), "BillingAdminClient",
                "\\u0042illingAdmin\\uu0043lient");
        assertEditIsSeen(tree, CLIENT, "restClient.post()", "restClient.get()");
    }

    @Test
    void aChangeInAConfigurationFileBesideTheSourcesIsSeen() throws IOException {
        Path tree = copy(SAMPLES.resolve("support-agent/after"), temp.resolve("repo"));
        assertEditIsSeen(tree, "src/main/resources/application.yml", "helpdesk:\n", "# the helpdesk moved\nhelpdesk:\n");
    }

    private static void write(Path root, String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    /**
     * Two tool classes reach one client that a configuration class builds with an injected token: the
     * credentials handed to the client are found once per scan, and each tool class's entry must
     * still list the configuration file they were found in.
     */
    @Test
    void aConfigurationFileOnlyACommonClientsCredentialIsReadFromIsListedByEveryEntryReachingIt() throws IOException {
        Path tree = temp.resolve("crm");
        write(tree, "src/main/java/com/acme/crm/CrmClient.java", """
                package com.acme.crm;

                /** The CRM's REST API. */
                public class CrmClient {
                    private final String token;

                    public CrmClient(String token) {
                        this.token = token;
                    }

                    public void upsert(String email, String note) {
                    }
                }
                """);
        write(tree, "src/main/java/com/acme/crm/CrmConfig.java", """
                package com.acme.crm;

                import org.springframework.beans.factory.annotation.Value;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;

                @Configuration
                public class CrmConfig {
                    @Value("${crm.api-token}")
                    private String apiToken;

                    @Bean
                    CrmClient crmClient() {
                        return new CrmClient(apiToken);
                    }
                }
                """);
        for (String tools : List.of("LeadTools", "ContactTools")) {
            write(tree, "src/main/java/com/acme/crm/" + tools + ".java", """
                    package com.acme.crm;

                    import dev.langchain4j.agent.tool.Tool;

                    public class %s {
                        private final CrmClient crm;

                        public %s(CrmClient crm) {
                            this.crm = crm;
                        }

                        @Tool("Records a note on a %s in the CRM")
                        public String record%s(String email, String note) {
                            crm.upsert(email, note);
                            return "recorded";
                        }
                    }
                    """.formatted(tools, tools, tools.replace("Tools", "").toLowerCase(), tools.replace("Tools", "Note")));
        }
        write(tree, "src/main/resources/application.properties", "crm.base-url=https://crm.acme.example\ncrm.api-token=${CRM_TOKEN}\n");
        String original = scan(tree, Optional.of(FactsCache.in(temp.resolve("cache"))));
        assertThat(original).contains("application.properties");

        edit(tree.resolve("src/main/resources/application.properties"), "crm.base-url", "# the CRM moved\ncrm.base-url");
        FactsCache cache = FactsCache.in(temp.resolve("cache"));
        assertThat(scan(tree, Optional.of(cache))).isEqualTo(scan(tree, Optional.empty())).isNotEqualTo(original);
        assertThat(cache.hits()).as("both tool classes are read again").isZero();
    }

    @Test
    void aDamagedEntryIsAMissNotAnError() throws IOException {
        Path tree = SAMPLES.resolve("support-agent/after");
        Path folder = temp.resolve("cache");
        String expected = scan(tree, Optional.of(FactsCache.in(folder)));
        List<Path> entries;
        try (Stream<Path> s = Files.walk(folder)) {
            entries = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(entries).isNotEmpty();
        Files.writeString(entries.get(0), "{\"path\": 42, \"tools\": [");
        Files.writeString(entries.get(entries.size() - 1), "{\"path\":\"elsewhere/Other.java\",\"tools\":[],\"bindings\":[],"
                + "\"recorded\":{\"tools\":[],\"agents\":[],\"prompts\":[],\"inputs\":[],\"notifications\":[],\"unboundNotes\":[]},"
                + "\"resources\":[]}");
        Path withTools = entries.subList(1, entries.size() - 1).stream()
                .filter(e -> readTree(e).path("tools").size() > 0).findFirst().orElseThrow();
        var entry = (com.fasterxml.jackson.databind.node.ObjectNode) readTree(withTools);
        ((com.fasterxml.jackson.databind.node.ObjectNode) entry.path("tools").get(0)).putNull("toolset");
        Files.writeString(withTools, entry.toString());
        FactsCache damaged = FactsCache.in(folder);
        assertThat(scan(tree, Optional.of(damaged))).isEqualTo(expected);
        assertThat(damaged.misses()).isEqualTo(3);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(Path entry) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(entry.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCacheInsideTheScannedTreeIsNotUsed() throws IOException {
        Path tree = copy(SAMPLES.resolve("support-agent/after"), temp.resolve("repo"));
        FactsCache inside = FactsCache.in(tree.resolve(".faultline-cache"));
        Report report = new Pipeline(CATALOG, ReadLimits.DEFAULT, Optional.of(inside)).scan(List.of(tree)).report();
        assertThat(report.notifications()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("cache-not-used");
            assertThat(n.level()).isEqualTo("warning");
        });
        assertThat(inside.hits() + inside.misses()).isZero();
        assertThat(tree.resolve(".faultline-cache")).doesNotExist();
    }

    @Test
    void aKeyBeingReadIsWaitedForAndAKeyGivenUpIsClaimedAgain() throws IOException {
        Path tree = copy(SAMPLES.resolve("support-agent/after"), temp.resolve("repo"));
        Path file = tree.resolve("Agent.java");
        Files.writeString(file, "class Agent {}");
        SourceIndex.Entry entry = new SourceIndex.Entry(new dev.faultline.ingest.SourceFile("Agent.java", file, 14), "",
                List.of("Agent"), true);
        FileFacts facts = new FileFacts("Agent.java", List.of(), List.of(), new dev.faultline.ingest.ModelBuilder().recording(), List.of());
        FactsCache cache = FactsCache.inMemory();

        assertThat(cache.lookup("k", entry)).isInstanceOf(FactsCache.Lookup.Claimed.class);
        FactsCache.Lookup second = cache.lookup("k", entry);
        assertThat(second).isInstanceOf(FactsCache.Lookup.Reading.class);
        cache.abandon("k");
        assertThat(((FactsCache.Lookup.Reading) second).pending()).isDone();
        assertThat(cache.lookup("k", entry)).as("given up: the next scan reads it").isInstanceOf(FactsCache.Lookup.Claimed.class);
        cache.write("k", facts);
        assertThat(cache.awaited(entry, "k")).contains(facts);

        FileFacts elsewhere = new FileFacts("Other.java", List.of(), List.of(), new dev.faultline.ingest.ModelBuilder().recording(), List.of());
        cache.lookup("other", entry);
        cache.write("other", elsewhere);
        assertThat(cache.lookup("other", entry)).as("facts of another path are never taken").isInstanceOf(FactsCache.Lookup.Claimed.class);
    }

    @Test
    void aTextBeingReadIsWaitedForAndATextGivenUpIsClaimedAgain() {
        FactsCache cache = FactsCache.inMemory();
        SourceIndex.TextFacts read = new SourceIndex.TextFacts(JavaOutline.of("package a; class Agent {}", JavaRows.from(
                dev.faultline.rules.RuleCatalog.builtIn())), new String[] {"package", "a", "class", "Agent"});

        assertThat(cache.text("t")).isInstanceOf(FactsCache.TextLookup.Claimed.class);
        FactsCache.TextLookup second = cache.text("t");
        assertThat(second).as("another scan is reading it").isInstanceOf(FactsCache.TextLookup.Pending.class);
        cache.abandonText("t");
        assertThat(((FactsCache.TextLookup.Pending) second).pending().join()).as("given up: the waiter reads it itself").isNull();
        assertThat(cache.text("t")).isInstanceOf(FactsCache.TextLookup.Claimed.class);
        FactsCache.TextLookup third = cache.text("t");
        cache.keepText("t", read);
        assertThat(((FactsCache.TextLookup.Pending) third).pending().join()).isSameAs(read);
        assertThat(cache.text("t")).isEqualTo(new FactsCache.TextLookup.Kept(read));
        assertThat(cache.text("u")).as("another text is nobody's yet").isInstanceOf(FactsCache.TextLookup.Claimed.class);
    }
}
