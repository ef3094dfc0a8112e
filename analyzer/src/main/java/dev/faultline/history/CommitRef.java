package dev.faultline.history;

/**
 * One commit as the history shows it: full and short id, author name, author date (ISO-8601 UTC,
 * seconds) and the first line of the message.
 */
public record CommitRef(String id, String shortId, String author, String date, String subject) {
}
