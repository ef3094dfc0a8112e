package dev.faultline.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.faultline.report.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON text into a {@link DocNode} tree with locations. Duplicate keys are an error (a second
 * {@code "description"} must not hide behind the first), and the {@link ReadLimits} bound depth,
 * string length and node count.
 */
public final class JsonDocReader {
    private final ReadLimits limits;
    private final JsonFactory factory;

    public JsonDocReader(ReadLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringChars())
                        .maxNumberLength(1000)
                        .maxNameLength(10_000)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** Parses {@code text}, the content of {@code path}. */
    public DocNode read(String path, String text) throws DocException {
        try (JsonParser p = factory.createParser(ParseBudget.interruptible(new java.io.StringReader(text)))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new DocException("empty JSON document", Location.at(path, 1, 1));
            }
            int[] budget = {limits.maxNodes()};
            DocNode root = readValue(p, path, "", budget);
            if (p.nextToken() != null) {
                throw new DocException("unexpected content after the JSON document", here(p, path));
            }
            return root;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // found where a read buffer ends, which depends on what the parse thread read before: keep the line,
            // and the limit, but not the column or the length read so far, so that a report never depends on it
            JsonLocation l = e.getLocation();
            throw new DocException("invalid JSON: " + e.getOriginalMessage().replaceFirst(" \\(\\d+\\) exceeds", " exceeds"),
                    Location.at(path, l == null ? 1 : Math.max(l.getLineNr(), 1), 1));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location where = l == null ? Location.file(path) : Location.at(path, Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1));
            throw new DocException("invalid JSON: " + e.getOriginalMessage(), where);
        } catch (IOException e) {
            throw new DocException("cannot read JSON: " + e.getMessage(), Location.file(path));
        }
    }

    private DocNode readValue(JsonParser p, String path, String pointer, int[] budget) throws IOException, DocException {
        if (--budget[0] < 0) {
            throw new DocException("document has more than " + limits.maxNodes() + " nodes", here(p, path));
        }
        ParseBudget.checkNotAbandoned(path);
        Location where = here(p, path).withPointer(pointer);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                List<DocMap.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = here(p, path);
                    seen.add(key);
                    p.nextToken();
                    entries.add(new DocMap.Entry(key, keyAt, readValue(p, path, JsonPointer.child(pointer, key), budget)));
                }
                return new DocMap(where, entries);
            }
            case START_ARRAY -> {
                List<DocNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path, JsonPointer.child(pointer, i++), budget));
                }
                return new DocList(where, items);
            }
            case VALUE_STRING -> {
                return new DocScalar(where, p.getText(), DocScalar.Kind.STRING);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new DocScalar(where, p.getText(), DocScalar.Kind.NUMBER);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new DocScalar(where, p.getText(), DocScalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new DocScalar(where, "null", DocScalar.Kind.NULL);
            }
            default -> throw new DocException("unexpected JSON token " + t, where);
        }
    }

    private static Location here(JsonParser p, String path) {
        JsonLocation l = p.currentTokenLocation();
        return Location.at(path, Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1));
    }
}
