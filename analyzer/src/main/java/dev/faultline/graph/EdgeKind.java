package dev.faultline.graph;

/** What an edge of the capability graph means. */
public enum EdgeKind {
    /** agent → tool: the agent's model may call the tool. */
    CAN_CALL,
    /** tool → agent: what the tool returns enters the agent's context. */
    RETURNS_TO,
    /** entry point → agent: what arrives there starts the agent. */
    TRIGGERS,
    /** agent → agent: one agent calls another as a tool or hands off to it. */
    CALLS_AGENT,
    /** tool → credential: the tool acts with this credential. */
    USES,
    /** tool → server: the tool is provided by this server. */
    SERVED_BY
}
