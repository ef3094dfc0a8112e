package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class J2v8LibraryTest {

    @Test
    void theBundledLibraryLosesOnlyItsExecutableStackFlag() throws IOException {
        byte[] original;
        try (InputStream in = J2v8LibraryTest.class.getResourceAsStream("/libj2v8_linux_x86_64.so")) {
            assertThat(in).as("J2V8 for Linux x86_64 is on the class path").isNotNull();
            original = in.readAllBytes();
        }
        assertThat(stackFlags(original) & 1).as("the shipped library asks for an executable stack").isEqualTo(1);
        byte[] patched = original.clone();
        assertThat(J2v8Library.clearExecutableStack(patched)).isTrue();
        assertThat(stackFlags(patched)).isEqualTo(stackFlags(original) & ~1);
        int differing = 0;
        for (int i = 0; i < original.length; i++) {
            differing += original[i] != patched[i] ? 1 : 0;
        }
        assertThat(differing).isEqualTo(1);
    }

    @Test
    void anythingButA64BitElfIsLeftAlone() {
        byte[] text = "not an ELF file, just text that is long enough to have a header of 64 bytes...".getBytes();
        byte[] copy = text.clone();
        assertThat(J2v8Library.clearExecutableStack(copy)).isFalse();
        assertThat(copy).isEqualTo(text);
        assertThat(J2v8Library.clearExecutableStack(new byte[] {0x7f, 'E', 'L', 'F'})).isFalse();
    }

    @Test
    void theRendererStillWorksWithThePatchedLibrary() throws IOException {
        assertThat(new GraphRenderer(GraphRenderer.DEFAULT_ORDER, "").renderSvg("digraph g { a -> b }")).contains("<svg");
    }

    private static int stackFlags(byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(0x20);
        int size = b.getShort(0x36);
        for (int i = 0; i < b.getShort(0x38); i++) {
            int at = (int) (phoff + (long) i * size);
            if (b.getInt(at) == 0x6474e551) {
                return b.getInt(at + 4);
            }
        }
        throw new AssertionError("no PT_GNU_STACK header");
    }
}
