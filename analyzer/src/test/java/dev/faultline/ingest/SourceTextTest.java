package dev.faultline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.doc.DocException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strict UTF-8: the quick lenient decode is trusted only when it replaced nothing. */
class SourceTextTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static String decode(byte[] bytes) throws DocException {
        return SourceText.decode("A.java", bytes);
    }

    @Test
    void asciiAndMultiByteTextDecodeAndALeadingBomIsDropped() throws DocException {
        assertThat(decode("class A {}".getBytes(StandardCharsets.UTF_8))).isEqualTo("class A {}");
        assertThat(decode("// café ∑ 😀\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("// café ∑ 😀\n");
        assertThat(decode("\uFEFFclass A {}".getBytes(StandardCharsets.UTF_8))).isEqualTo("class A {}");
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsText() throws DocException {
        assertThat(decode("String s = \"\uFFFD\";".getBytes(StandardCharsets.UTF_8))).isEqualTo("String s = \"\uFFFD\";");
    }

    @Test
    void invalidBytesFailWithTheirLineAndColumn() {
        assertThatThrownBy(() -> decode(bytes('a', '\n', 'b', 0xe9, 'c')))
                .isInstanceOf(DocException.class).hasMessageContaining("not valid UTF-8 (byte 0xe9 at offset 3)")
                .satisfies(e -> assertThat(((DocException) e).location().display()).isEqualTo("A.java:2:2"));
    }

    @Test
    void overlongFormsAndEncodedSurrogatesAreNotUtf8() {
        assertThatThrownBy(() -> decode(bytes('x', 0xc0, 0xaf))).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> decode(bytes(0xed, 0xa0, 0x80))).hasMessageContaining("not valid UTF-8 (byte 0xed at offset 0)");
        assertThatThrownBy(() -> decode(bytes('x', 0xf4, 0x90, 0x80, 0x80))).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aNulIsBinaryContentOnItsLine() {
        assertThatThrownBy(() -> decode(bytes('a', '\n', '\n', 0, 'b')))
                .hasMessageContaining("binary content (NUL character)")
                .satisfies(e -> assertThat(((DocException) e).location().display()).isEqualTo("A.java:3:1"));
    }
}
