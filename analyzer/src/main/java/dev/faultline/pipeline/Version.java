package dev.faultline.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Faultline's own version, from the build. */
public final class Version {
    private Version() {
    }

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/faultline-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
