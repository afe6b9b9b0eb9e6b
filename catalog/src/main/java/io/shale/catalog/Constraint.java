package io.shale.catalog;

import java.util.List;

/**
 * A table constraint (pg_constraint row).
 *
 * @param type {@code p} primary key, {@code u} unique, {@code c} check, {@code f} foreign key,
 *     {@code n} is not used (NOT NULL lives on the column)
 * @param columns attnums of the constrained columns
 * @param indexOid the index behind a primary key or unique constraint, else 0
 * @param checkSql the CHECK expression as SQL text, else null
 * @param referencedTable for a foreign key, the referenced table's oid, else 0
 * @param referencedColumns for a foreign key, the referenced attnums
 * @param onUpdate for a foreign key, confupdtype: {@code a} no action, {@code r} restrict,
 *     {@code c} cascade, {@code n} set null, {@code d} set default
 * @param onDelete confdeltype, same letters
 */
public record Constraint(int oid, int namespaceOid, String name, char type, int tableOid,
                         List<Short> columns, int indexOid, String checkSql, int referencedTable,
                         List<Short> referencedColumns, char onUpdate, char onDelete,
                         boolean validated) {

    public Constraint {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public Constraint withName(String newName) {
        return new Constraint(oid, namespaceOid, newName, type, tableOid, columns, indexOid,
                checkSql, referencedTable, referencedColumns, onUpdate, onDelete, validated);
    }
}
