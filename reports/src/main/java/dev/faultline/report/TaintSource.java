package dev.faultline.report;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One untrusted source named by a {@code taint-path} finding, carried as the message of a
 * {@link RelatedLocation}: {@code untrusted source 2 of 5: output of tickets/get_ticket} or
 * {@code untrusted source 1 of 5: entry point inbound-email of agent triage}. {@code rank} is its
 * place among the {@code total} sources that reach the finding's agent, sorted; a finding names the
 * first few only, so {@code total} says how many there are. {@code agent} is the agent of an entry
 * point and {@code ""} for a tool, {@code id} the tool id or the entry point name.
 */
public record TaintSource(int rank, int total, boolean entryPoint, String agent, String id) {

    private static final Pattern MESSAGE = Pattern.compile("untrusted source (\\d{1,9}) of (\\d{1,9}): (.*)", Pattern.DOTALL);
    private static final String OUTPUT_OF = "output of ";
    private static final String ENTRY_POINT = "entry point ";
    private static final String OF_AGENT = " of agent ";

    /** The output of a tool whose output outsiders can write. */
    public static TaintSource tool(int rank, int total, String toolId) {
        return new TaintSource(rank, total, false, "", toolId);
    }

    /** An untrusted entry point of an agent. */
    public static TaintSource entry(int rank, int total, String agent, String entryPoint) {
        return new TaintSource(rank, total, true, agent, entryPoint);
    }

    /** What the source is, in words: {@code output of T} or {@code entry point E of agent A}. */
    public String name() {
        return entryPoint ? ENTRY_POINT + id + OF_AGENT + agent : OUTPUT_OF + id;
    }

    /**
     * Sources named in words: {@code A}, {@code A and B}, {@code A, B and C}, or {@code A, B, C and
     * N more} when {@code total} counts sources that are not named; {@code ""} for none.
     */
    public static String names(List<TaintSource> named) {
        if (named.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int more = named.get(0).total() - named.size();
        for (int i = 0; i < named.size(); i++) {
            boolean last = i == named.size() - 1 && more <= 0;
            b.append(i == 0 ? "" : last ? " and " : ", ").append(named.get(i).name());
        }
        return more <= 0 ? b.toString() : b.append(" and ").append(more).append(" more").toString();
    }

    /** The related-location message that carries this source. */
    public String message() {
        return "untrusted source " + rank + " of " + total + ": " + name();
    }

    /** The source a related-location message carries, or empty when the message is not one. */
    public static Optional<TaintSource> parse(String message) {
        Matcher m = MESSAGE.matcher(message);
        if (!m.matches()) {
            return Optional.empty();
        }
        int rank = Integer.parseInt(m.group(1));
        int total = Integer.parseInt(m.group(2));
        String name = m.group(3);
        if (name.startsWith(OUTPUT_OF)) {
            return Optional.of(tool(rank, total, name.substring(OUTPUT_OF.length())));
        }
        int of = name.lastIndexOf(OF_AGENT);
        if (name.startsWith(ENTRY_POINT) && of >= ENTRY_POINT.length()) {
            return Optional.of(entry(rank, total, name.substring(of + OF_AGENT.length()), name.substring(ENTRY_POINT.length(), of)));
        }
        return Optional.empty();
    }
}
