package dev.faultline.report;

/** The program that wrote a report. */
public record ToolInfo(String name, String version, String informationUri) {
}
