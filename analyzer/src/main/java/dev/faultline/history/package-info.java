/**
 * {@code faultline history}: the agent's authority over time. {@link dev.faultline.history.HistoryWalker}
 * walks the git history, compiles the commits that touched the control plane with the same pipeline
 * as {@code faultline diff} and compares each with its first parent; the writers render the
 * {@link dev.faultline.history.History} as Markdown, JSON or HTML.
 */
package dev.faultline.history;
