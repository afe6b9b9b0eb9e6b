package io.shale.catalog;

/** A pg_description row: COMMENT ON an object (sub-id is the column number, else 0). */
public record Comment(int objectOid, int classOid, int subId, String text) {
}
