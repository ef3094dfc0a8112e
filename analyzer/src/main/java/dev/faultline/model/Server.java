package dev.faultline.model;

import dev.faultline.report.Location;
import java.util.List;

/**
 * A tool provider named in a client config or implied by a tool file. {@code command} and
 * {@code args} are the stdio launch line as written; {@code url} the remote endpoint ({@code ""} if
 * none); {@code credentials} the env vars and headers given to it. {@code tools} is known only
 * when a snapshot of the server's {@code tools/list} was found ({@code toolsKnown}).
 */
public record Server(
        String name,
        String transport,
        String command,
        List<String> args,
        String url,
        Location location,
        List<CredentialRef> credentials,
        boolean toolsKnown) implements Comparable<Server> {

    public Server {
        args = List.copyOf(args);
        credentials = List.copyOf(credentials);
    }

    /** The launch line or URL, for display. */
    public String launch() {
        if (!url.isEmpty()) {
            return url;
        }
        StringBuilder b = new StringBuilder(command);
        args.forEach(a -> b.append(' ').append(a));
        return b.toString();
    }

    @Override
    public int compareTo(Server other) {
        return name.compareTo(other.name);
    }
}
