package dev.faultline.ingest;

import dev.faultline.doc.DocException;
import dev.faultline.doc.ReadLimits;
import dev.faultline.report.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Reads a scanned file as strict UTF-8 text within the size limit. */
public final class SourceText {
    private SourceText() {
    }

    /**
     * The file's text. Fails with the line of the first invalid byte when it is not UTF-8, and
     * without reading when it is larger than the limit. A leading BOM is dropped.
     */
    public static String read(SourceFile file, ReadLimits limits) throws DocException {
        if (file.size() > limits.maxFileBytes()) {
            throw new DocException("file is " + file.size() + " bytes, over the limit of " + limits.maxFileBytes()
                    + " (--max-file-bytes)", Location.file(file.path()));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.absolute());
        } catch (IOException e) {
            throw new DocException("cannot read file: " + e.getClass().getSimpleName(), Location.file(file.path()));
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw new DocException("file is over the limit of " + limits.maxFileBytes() + " bytes", Location.file(file.path()));
        }
        return decode(file.path(), bytes);
    }

    /** Decodes bytes as strict UTF-8, naming the line and column of the first invalid byte. */
    public static String decode(String path, byte[] bytes) throws DocException {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        // the lenient decoder puts U+FFFD for every invalid byte, so text without one was valid
        return lenient.indexOf('\uFFFD') < 0 ? checked(path, lenient) : strict(path, bytes);
    }

    private static String strict(String path, byte[] bytes) throws DocException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out;
        try {
            out = decoder.decode(in);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidOffset(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new DocException("not valid UTF-8 (byte 0x" + String.format("%02x", bytes[bad] & 0xff)
                    + " at offset " + bad + ")", Location.at(path, line, column));
        }
        return checked(path, out.toString());
    }

    private static String checked(String path, String text) throws DocException {
        if (text.indexOf('\u0000') >= 0) {
            int nul = text.indexOf('\u0000');
            int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
            throw new DocException("binary content (NUL character)", Location.at(path, line, 1));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int firstInvalidOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }
}
