package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.Comment;
import io.shale.catalog.Constraint;
import io.shale.catalog.EnumType;
import io.shale.catalog.Index;
import io.shale.catalog.Index.IndexKey;
import io.shale.catalog.Namespace;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.types.SqlType;

import java.util.List;
import java.util.Map;

/**
 * The catalog of the DDL the tests compare with PostgreSQL 15 (oids as PostgreSQL gave them
 * where the tests print them):
 * <pre>
 * create type mood as enum ('sad','ok','happy');
 * create table parent (a int primary key, code text unique);
 * create table t (id serial primary key, name varchar(20) not null default 'x',
 *   price numeric(10,2) check (price > 0), p int references parent(a) on delete cascade, m mood,
 *   created timestamptz default now());
 * create unique index t_name_idx on t (name desc nulls last);
 * create index t_lower_idx on t (lower(name)) where price > 10;
 * create index t_multi on t (p, name) include (price);
 * create index t_nf on t (p nulls first, m desc);
 * create view v as select id, name from t where id > 1;
 * comment on table t is 'the t'; comment on column t.name is 'name col';
 * create schema s2; create table s2.other (x int);
 * create role alice login;
 * </pre>
 */
final class TestCatalog {
    static final int DB = 5;
    static final int PUBLIC = Catalog.PUBLIC_NAMESPACE;
    static final int MOOD = 20000;
    static final int PARENT = 20010;
    static final int PARENT_PKEY = 20011;
    static final int PARENT_CODE_KEY = 20012;
    static final int T = 20020;
    static final int T_ID_SEQ = 20021;
    static final int T_PKEY = 20022;
    static final int T_NAME_IDX = 20023;
    static final int T_LOWER_IDX = 20024;
    static final int T_MULTI = 20025;
    static final int T_NF = 20026;
    static final int V = 20030;
    static final int S2 = 20040;
    static final int OTHER = 20041;
    static final int ALICE = 20050;
    static final int CON_PARENT_PKEY = 20060;
    static final int CON_PARENT_CODE_KEY = 20061;
    static final int CON_T_PKEY = 20062;
    static final int CON_T_PRICE_CHECK = 20063;
    static final int CON_T_P_FKEY = 20064;

    private TestCatalog() {
    }

    static Catalog build() {
        CatalogEditor e = Catalog.bootstrap().edit();
        e.putRole(new Role(ALICE, "alice", false, true, false, false, true, false, false, -1, null, null));
        e.putEnumType(DB, new EnumType(MOOD, MOOD + 1, PUBLIC, "mood", 10, List.of("sad", "ok", "happy"),
                List.of(MOOD + 2, MOOD + 3, MOOD + 4)));
        e.putRelation(DB, new Table(PARENT, PUBLIC, "parent", 10, List.of(
                Column.of("a", 1, SqlType.INT4).withNotNull(true), Column.of("code", 2, SqlType.TEXT)),
                1, "heap", Map.of(), 'p', 'd'));
        e.putRelation(DB, new Index(PARENT_PKEY, PUBLIC, "parent_pkey", 10, PARENT, List.of(IndexKey.column(1)), 1,
                true, true, null, "btree", 2));
        e.putRelation(DB, new Index(PARENT_CODE_KEY, PUBLIC, "parent_code_key", 10, PARENT,
                List.of(IndexKey.column(2)), 1, true, false, null, "btree", 3));
        e.putRelation(DB, new Table(T, PUBLIC, "t", 10, List.of(
                Column.of("id", 1, SqlType.INT4).withNotNull(true).withDefault("nextval('t_id_seq'::regclass)"),
                Column.of("name", 2, new SqlType(1043, 24)).withNotNull(true).withDefault("'x'::character varying"),
                Column.of("price", 3, new SqlType(1700, (10 << 16 | 2) + 4)),
                Column.of("p", 4, SqlType.INT4),
                Column.of("m", 5, SqlType.of(MOOD)),
                Column.of("created", 6, SqlType.TIMESTAMPTZ).withDefault("now()")),
                4, "heap", Map.of(), 'p', 'd'));
        e.putRelation(DB, new Sequence(T_ID_SEQ, PUBLIC, "t_id_seq", 10, SqlType.INT4, 1, 1, 1, 2147483647, 1, false,
                T, (short) 1));
        e.putRelation(DB, new Index(T_PKEY, PUBLIC, "t_pkey", 10, T, List.of(IndexKey.column(1)), 1, true, true,
                null, "btree", 5));
        e.putRelation(DB, new Index(T_NAME_IDX, PUBLIC, "t_name_idx", 10, T,
                List.of(new IndexKey((short) 2, null, true, false)), 1, true, false, null, "btree", 6));
        e.putRelation(DB, new Index(T_LOWER_IDX, PUBLIC, "t_lower_idx", 10, T,
                List.of(new IndexKey((short) 0, "lower((name)::text)", false, false)), 1, false, false,
                "(price > (10)::numeric)", "btree", 7));
        e.putRelation(DB, new Index(T_MULTI, PUBLIC, "t_multi", 10, T,
                List.of(IndexKey.column(4), IndexKey.column(2), IndexKey.column(3)), 2, false, false, null, "btree", 8));
        e.putRelation(DB, new Index(T_NF, PUBLIC, "t_nf", 10, T,
                List.of(new IndexKey((short) 4, null, false, true), new IndexKey((short) 5, null, true, true)), 2,
                false, false, null, "btree", 9));
        e.putRelation(DB, new View(V, PUBLIC, "v", 10, "SELECT t.id, t.name FROM t WHERE (t.id > 1)",
                List.of(Column.of("id", 1, SqlType.INT4), Column.of("name", 2, new SqlType(1043, 24)))));
        e.putConstraint(DB, new Constraint(CON_PARENT_PKEY, PUBLIC, "parent_pkey", 'p', PARENT, List.of((short) 1),
                PARENT_PKEY, null, 0, List.of(), ' ', ' ', true));
        e.putConstraint(DB, new Constraint(CON_PARENT_CODE_KEY, PUBLIC, "parent_code_key", 'u', PARENT,
                List.of((short) 2), PARENT_CODE_KEY, null, 0, List.of(), ' ', ' ', true));
        e.putConstraint(DB, new Constraint(CON_T_PKEY, PUBLIC, "t_pkey", 'p', T, List.of((short) 1), T_PKEY, null, 0,
                List.of(), ' ', ' ', true));
        e.putConstraint(DB, new Constraint(CON_T_PRICE_CHECK, PUBLIC, "t_price_check", 'c', T, List.of((short) 3), 0,
                "(price > (0)::numeric)", 0, List.of(), ' ', ' ', true));
        e.putConstraint(DB, new Constraint(CON_T_P_FKEY, PUBLIC, "t_p_fkey", 'f', T, List.of((short) 4), 0, null,
                PARENT, List.of((short) 1), 'a', 'c', true));
        e.setComment(DB, new Comment(T, 1259, 0, "the t"));
        e.setComment(DB, new Comment(T, 1259, 2, "name col"));
        e.putNamespace(DB, new Namespace(S2, DB, "s2", 10));
        e.putRelation(DB, new Table(OTHER, S2, "other", 10, List.of(Column.of("x", 1, SqlType.INT4)), 10, "heap",
                Map.of(), 'p', 'd'));
        return e.build();
    }
}
