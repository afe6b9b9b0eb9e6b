package io.shale.catalog;

import java.util.List;

/**
 * A type made by CREATE TYPE … AS ENUM. Labels sort in their declared order.
 *
 * @param labelOids the pg_enum oid of each label
 */
public record EnumType(int oid, int arrayOid, int namespaceOid, String name, int ownerOid,
                       List<String> labels, List<Integer> labelOids) {

    public EnumType {
        labels = List.copyOf(labels);
        labelOids = List.copyOf(labelOids);
    }
}
