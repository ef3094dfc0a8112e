package dev.faultline.doc;

/** RFC 6901 JSON Pointer building. */
public final class JsonPointer {
    private JsonPointer() {
    }

    /** The pointer of a child key under {@code parent}. */
    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of a list item under {@code parent}. */
    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
