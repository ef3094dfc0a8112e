package dev.faultline.doc;

import dev.faultline.report.Location;
import java.util.List;

/** An ordered list of nodes (a JSON array, a YAML sequence). */
public record DocList(Location location, List<DocNode> items) implements DocNode {

    public DocList {
        items = List.copyOf(items);
    }
}
