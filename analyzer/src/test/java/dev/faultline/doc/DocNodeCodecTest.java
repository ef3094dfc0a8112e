package dev.faultline.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.report.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tree written by the codec reads back equal, locations and pointers included. */
class DocNodeCodecTest {

    private static DocNode roundTrip(DocNode node) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DocNodeCodec.write(node, new DataOutputStream(bytes));
        return DocNodeCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void everyKindOfNodeReadsBackEqual() throws Exception {
        DocNode doc = new YamlDocReader(ReadLimits.DEFAULT).read("packs/x.yaml", """
                id: "naïve ✓"
                n: 0777
                on: yes
                none: ~
                list: [a, {b: 1}, [], {}]
                "a/b~c": |
                  two
                  lines
                """);
        assertThat(roundTrip(doc)).isEqualTo(doc);
        DocNode empty = new YamlDocReader(ReadLimits.DEFAULT).read("empty.yaml", "");
        assertThat(roundTrip(empty)).isEqualTo(empty);
    }

    @Test
    void aTreeSpanningTwoFilesIsRefused() {
        DocMap mixed = new DocMap(Location.at("a.yaml", 1, 1), List.of(new DocMap.Entry("k", Location.at("a.yaml", 1, 1),
                new DocScalar(Location.at("b.yaml", 1, 4), "v", DocScalar.Kind.STRING))));
        assertThatThrownBy(() -> roundTrip(mixed)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b.yaml");
    }
}
