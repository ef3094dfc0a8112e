package dev.faultline.ingest.java;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: what the facts cache keys, file hashes and closure digests are made of. */
final class ContentDigest {
    private ContentDigest() {
    }

    /** The digest of a text's UTF-8 bytes. */
    static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A digest fed line by line, without building the whole text. */
    static Builder builder() {
        return new Builder();
    }

    /** Lines in, a SHA-256 in hex out: the digest of the lines, each followed by a line feed. */
    static final class Builder {
        private final MessageDigest sha;

        private Builder() {
            sha = sha256();
        }

        Builder line(String line) {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return this;
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** The digest of some bytes. */
    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
