package dev.faultline.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the native library of the J2V8 engine quietly and from a private place. Left alone, J2V8
 * first loads {@code ./jni/libj2v8_linux_x86_64.so} from the working folder when one exists (a file
 * a scanned repository could plant), else unpacks the library into the user's home, and the JVM
 * then warns on stderr that the library "might have disabled stack guard". Instead, the library is
 * copied from the class path into a new owner-only temporary folder, its ELF {@code PT_GNU_STACK}
 * header is marked non-executable (what the JVM's warning asks for: {@code execstack -c}), it is
 * loaded with {@link System#load}, and J2V8 is told it is loaded. When any step is not possible,
 * J2V8 is only pointed at the temporary folder for its own unpacking.
 */
final class J2v8Library {

    private static final String RESOURCE = "libj2v8_linux_x86_64.so";
    private static final int PT_GNU_STACK = 0x6474e551;
    private static final int PF_X = 1;
    private static Optional<Path> folder = Optional.empty();

    private J2v8Library() {
    }

    /** Makes J2V8's library loaded once per process; returns the folder J2V8 may unpack into. */
    static synchronized String prepare() {
        if (folder.isPresent()) {
            return folder.get().toString();
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("faultline-j2v8-");
        } catch (IOException e) {
            return System.getProperty("java.io.tmpdir");
        }
        dir.toFile().deleteOnExit();
        folder = Optional.of(dir);
        if (isLinuxX8664()) {
            try {
                loadPatched(dir.resolve(RESOURCE));
            } catch (IOException | RuntimeException | LinkageError | ReflectiveOperationException e) {
                // J2V8 then unpacks and loads its own copy into dir
            }
        }
        return dir.toString();
    }

    private static boolean isLinuxX8664() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static void loadPatched(Path library) throws IOException, ReflectiveOperationException {
        Class<?> v8 = Class.forName("com.eclipsesource.v8.V8");
        byte[] bytes;
        try (InputStream in = v8.getResourceAsStream("/" + RESOURCE)) {
            if (in == null) {
                return;
            }
            bytes = in.readAllBytes();
        }
        clearExecutableStack(bytes);
        Files.write(library, bytes);
        library.toFile().deleteOnExit();
        System.load(library.toAbsolutePath().toString());
        Field loaded = v8.getDeclaredField("nativeLibraryLoaded");
        loaded.setAccessible(true);
        loaded.setBoolean(null, true);
    }

    /** Clears the execute flag of the {@code PT_GNU_STACK} program header of a 64-bit little-endian ELF file. */
    static boolean clearExecutableStack(byte[] elf) {
        if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2
                || elf[5] != 1) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (at < 0 || at + 8 > elf.length) {
                return false;
            }
            if (b.getInt((int) at) == PT_GNU_STACK) {
                b.putInt((int) at + 4, b.getInt((int) at + 4) & ~PF_X);
                return true;
            }
        }
        return false;
    }
}
