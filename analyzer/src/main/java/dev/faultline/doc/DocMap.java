package dev.faultline.doc;

import dev.faultline.report.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An object / mapping whose keys are unique strings, in source order. */
public record DocMap(Location location, List<Entry> entries) implements DocNode {

    /** One key and its value; {@code keyLocation} is where the key is written. */
    public record Entry(String key, Location keyLocation, DocNode value) {
    }

    public DocMap {
        entries = List.copyOf(entries);
    }

    /** The entries as an insertion-ordered map (keys are unique; readers reject duplicates). */
    public Map<String, DocNode> asOrderedMap() {
        Map<String, DocNode> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.key(), e.value()));
        return m;
    }

    /** The value of a key. */
    public Optional<DocNode> get(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** True when the key is present, whatever its value. */
    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** The scalar text of a key (empty when absent, null or not a scalar). */
    public Optional<String> string(String key) {
        return get(key).flatMap(DocNode::scalarText);
    }

    /** The scalar text of a key, or {@code fallback}. */
    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    /** A boolean key: present only when the value is a boolean scalar. */
    public Optional<Boolean> bool(String key) {
        return get(key).flatMap(n -> n instanceof DocScalar s && s.kind() == DocScalar.Kind.BOOLEAN
                ? Optional.of(s.isTrue()) : Optional.empty());
    }

    /** A nested map. */
    public Optional<DocMap> map(String key) {
        return get(key).flatMap(DocNode::asMap);
    }

    /** A nested list. */
    public Optional<DocList> list(String key) {
        return get(key).flatMap(DocNode::asList);
    }
}
