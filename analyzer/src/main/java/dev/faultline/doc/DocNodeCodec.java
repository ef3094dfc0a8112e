package dev.faultline.doc;

import dev.faultline.report.Location;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of a {@link DocNode} tree that reads back to an equal tree, locations and
 * pointers included. For documents parsed once at build time and read at every start, where a YAML
 * parse would cost more than the work it feeds. Every node of one tree must lie in the same file.
 */
public final class DocNodeCodec {
    private static final byte MAP = 'M';
    private static final byte LIST = 'L';
    private static final byte SCALAR = 'S';

    private DocNodeCodec() {
    }

    /** Writes {@code root}: its file's path once, then the nodes depth first. */
    public static void write(DocNode root, DataOutput out) throws IOException {
        out.writeUTF(root.location().path());
        writeNode(root, root.location().path(), out);
    }

    /** Reads a tree {@link #write} wrote. */
    public static DocNode read(DataInput in) throws IOException {
        return readNode(in.readUTF(), in);
    }

    private static void writeNode(DocNode node, String path, DataOutput out) throws IOException {
        if (node instanceof DocMap m) {
            out.writeByte(MAP);
            writeLocation(m.location(), path, out);
            out.writeInt(m.entries().size());
            for (DocMap.Entry e : m.entries()) {
                out.writeUTF(e.key());
                writeLocation(e.keyLocation(), path, out);
                writeNode(e.value(), path, out);
            }
        } else if (node instanceof DocList l) {
            out.writeByte(LIST);
            writeLocation(l.location(), path, out);
            out.writeInt(l.items().size());
            for (DocNode item : l.items()) {
                writeNode(item, path, out);
            }
        } else {
            DocScalar s = (DocScalar) node;
            out.writeByte(SCALAR);
            writeLocation(s.location(), path, out);
            out.writeUTF(s.text());
            out.writeByte(s.kind().ordinal());
        }
    }

    private static DocNode readNode(String path, DataInput in) throws IOException {
        byte tag = in.readByte();
        Location where = readLocation(path, in);
        switch (tag) {
            case MAP -> {
                int n = in.readInt();
                List<DocMap.Entry> entries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String key = in.readUTF();
                    Location keyAt = readLocation(path, in);
                    entries.add(new DocMap.Entry(key, keyAt, readNode(path, in)));
                }
                return new DocMap(where, entries);
            }
            case LIST -> {
                int n = in.readInt();
                List<DocNode> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(readNode(path, in));
                }
                return new DocList(where, items);
            }
            case SCALAR -> {
                String text = in.readUTF();
                return new DocScalar(where, text, DocScalar.Kind.values()[in.readByte()]);
            }
            default -> throw new IOException("not a document node (tag " + tag + ")");
        }
    }

    private static void writeLocation(Location l, String path, DataOutput out) throws IOException {
        if (!l.path().equals(path)) {
            throw new IllegalArgumentException("a node of " + path + " is located in " + l.path());
        }
        out.writeInt(l.startLine());
        out.writeInt(l.startColumn());
        out.writeInt(l.endLine());
        out.writeInt(l.endColumn());
        out.writeUTF(l.pointer());
    }

    private static Location readLocation(String path, DataInput in) throws IOException {
        return new Location(path, in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readUTF());
    }
}
