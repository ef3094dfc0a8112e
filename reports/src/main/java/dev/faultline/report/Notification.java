package dev.faultline.report;

/**
 * Something the scan could not know or chose to assume, not tied to a whole input file's status:
 * "tools of server github not enumerable", "no agents declared: assuming one agent holds every tool".
 * {@code level} is {@code error}, {@code warning} or {@code note}, as in SARIF.
 */
public record Notification(String level, String id, String message, Location location)
        implements Comparable<Notification> {

    @Override
    public int compareTo(Notification other) {
        int c = location.compareTo(other.location);
        return c != 0 ? c : (id + message).compareTo(other.id + other.message);
    }
}
