package io.shale.engine;

import io.shale.catalog.Acl;
import io.shale.catalog.AclItem;
import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Acls;
import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Privileges;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Index;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.Notice;
import io.shale.grammar.ast.DropBehavior;
import io.shale.grammar.ast.Grant;
import io.shale.grammar.ast.GrantObjectType;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Revoke;
import io.shale.grammar.ast.RoleSpecification;
import io.shale.grammar.ast.RoleSpecificationKind;

import java.util.ArrayList;
import java.util.List;

/** GRANT and REVOKE of privileges on tables, views, sequences, schemas and databases, as PostgreSQL 15 does them. */
final class GrantDdl {
    private final DdlExecutor ddl;

    GrantDdl(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    /** One object a statement is about: kind, oid, owner, the name messages use and its type word. */
    private record Target(AclObjectKind kind, int oid, int ownerOid, String name, String typeWord) {
    }

    String grant(Grant g) {
        change(g.privileges(), g.objectType(), g.objects(), g.grantees(), true, g.withGrantOption(), false);
        return "GRANT";
    }

    String revoke(Revoke r) {
        change(r.privileges(), r.objectType(), r.objects(), r.grantees(), false, r.grantOptionFor(),
                r.behavior() == DropBehavior.CASCADE);
        return "REVOKE";
    }

    private void change(List<io.shale.grammar.ast.Privilege> privileges, GrantObjectType type,
                        List<QualifiedName> objects, List<RoleSpecification> grantees, boolean grant,
                        boolean option, boolean cascade) {
        AclObjectKind kind = kind(type);
        boolean all = privileges.isEmpty();
        int mask = all ? allFor(type) : PrivilegeNames.mask(privileges, type == GrantObjectType.TABLE
                || type == GrantObjectType.ALL_TABLES_IN_SCHEMA ? AclObjectKind.TABLE.allPrivileges()
                | AclObjectKind.SEQUENCE.allPrivileges() : kind.allPrivileges(), objectWord(type));
        List<Integer> granteeOids = granteeOids(grantees);
        if (grant && option && granteeOids.contains(AclItem.PUBLIC)) {
            throw new ShaleException(ErrorCode.INVALID_GRANT_OPERATION, "grant options can only be granted to roles");
        }
        CatalogEditor editor = ddl.edit();
        for (Target t : targets(type, objects)) {
            Catalog catalog = ddl.catalog();
            int wanted = mask;
            if (t.kind() == AclObjectKind.SEQUENCE || t.kind() == AclObjectKind.TABLE) {
                wanted = relationMask(t, type, all, mask);
            }
            Acl acl = currentAcl(t);
            Acls.Grantor grantor = Acls.bestGrantor(catalog, ddl.owner(), wanted, acl, t.ownerOid());
            int effective = restrict(catalog, t, grantor, wanted, all, grant);
            for (int grantee : granteeOids) {
                acl = grant ? Acls.grant(acl, grantee, grantor.roleOid(), effective, option)
                        : Acls.revoke(catalog, acl, grantee, grantor.roleOid(), effective, option, cascade, t.ownerOid());
            }
            if (t.kind() == AclObjectKind.DATABASE) {
                editor.setDatabaseAcl(t.oid(), acl);
            } else {
                editor.setAcl(ddl.database(), t.oid(), acl);
            }
        }
        ddl.commit(editor);
    }

    private int relationMask(Target t, GrantObjectType type, boolean all, int mask) {
        if (all) {
            return t.kind().allPrivileges();
        }
        if (t.kind() == AclObjectKind.SEQUENCE) {
            if ((type == GrantObjectType.TABLE || type == GrantObjectType.ALL_TABLES_IN_SCHEMA)
                    && (mask & ~AclObjectKind.SEQUENCE.allPrivileges()) != 0) {
                warning("0LP01", "sequence \"" + t.name() + "\" only supports USAGE, SELECT, and UPDATE privileges");
                return mask & AclObjectKind.SEQUENCE.allPrivileges();
            }
            return mask;
        }
        if ((mask & ~AclObjectKind.TABLE.allPrivileges()) != 0) {
            throw new ShaleException(ErrorCode.INVALID_GRANT_OPERATION, "invalid privilege type USAGE for table");
        }
        return mask;
    }

    /** PostgreSQL's {@code restrict_and_check_grant}: what the grantor may grant or revoke, with its WARNINGs. */
    private int restrict(Catalog catalog, Target t, Acls.Grantor grantor, int wanted, boolean all, boolean grant) {
        if (grantor.grantOptions() == 0) {
            int whole = t.kind().allPrivileges();
            int any = Privileges.mask(catalog, ddl.database(), grantor.roleOid(), t.kind(), t.oid(), false)
                    | Privileges.mask(catalog, ddl.database(), grantor.roleOid(), t.kind(), t.oid(), true);
            if ((any & whole) == 0) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE,
                        "permission denied for " + t.typeWord() + " " + t.name());
            }
        }
        int effective = wanted & grantor.grantOptions();
        if (effective == 0) {
            warning(grant ? "01007" : "01006", (grant ? "no privileges were granted for \""
                    : "no privileges could be revoked for \"") + t.name() + "\"");
        } else if (!all && effective != wanted) {
            warning(grant ? "01007" : "01006", (grant ? "not all privileges were granted for \""
                    : "not all privileges could be revoked for \"") + t.name() + "\"");
        }
        return effective;
    }

    private void warning(String sqlState, String message) {
        ddl.state().notice(new Notice("WARNING", sqlState, message, null, null));
    }

    private Acl currentAcl(Target t) {
        Acl acl = Privileges.effectiveAcl(ddl.catalog(), ddl.database(), t.kind(), t.oid());
        return acl != null ? acl : Privileges.defaultAcl(t.kind(), t.ownerOid());
    }

    private List<Integer> granteeOids(List<RoleSpecification> grantees) {
        List<Integer> result = new ArrayList<>();
        for (RoleSpecification g : grantees) {
            result.add(g.kind() == RoleSpecificationKind.PUBLIC ? AclItem.PUBLIC : ddl.role(g).oid());
        }
        return result;
    }

    private static AclObjectKind kind(GrantObjectType type) {
        return switch (type) {
            case TABLE, ALL_TABLES_IN_SCHEMA -> AclObjectKind.TABLE;
            case SEQUENCE, ALL_SEQUENCES_IN_SCHEMA -> AclObjectKind.SEQUENCE;
            case SCHEMA -> AclObjectKind.SCHEMA;
            case DATABASE -> AclObjectKind.DATABASE;
            case FUNCTION, ALL_FUNCTIONS_IN_SCHEMA -> throw StatementExecutor.unsupported("GRANT or REVOKE on functions");
        };
    }

    private static int allFor(GrantObjectType type) {
        return type == GrantObjectType.TABLE || type == GrantObjectType.ALL_TABLES_IN_SCHEMA
                ? AclObjectKind.TABLE.allPrivileges() | AclObjectKind.SEQUENCE.allPrivileges()
                : kind(type).allPrivileges();
    }

    private static String objectWord(GrantObjectType type) {
        return switch (type) {
            case TABLE, ALL_TABLES_IN_SCHEMA -> "relation";
            case SEQUENCE, ALL_SEQUENCES_IN_SCHEMA -> "sequence";
            case SCHEMA -> "schema";
            case DATABASE -> "database";
            case FUNCTION, ALL_FUNCTIONS_IN_SCHEMA -> "function";
        };
    }

    private List<Target> targets(GrantObjectType type, List<QualifiedName> names) {
        List<Target> result = new ArrayList<>();
        Catalog catalog = ddl.catalog();
        DatabaseCatalog objects = catalog.objects(ddl.database());
        switch (type) {
            case TABLE, SEQUENCE -> {
                for (QualifiedName name : names) {
                    Relation r = ddl.relation(name);
                    if (r == null || r instanceof Index) {
                        throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \""
                                + String.join(".", name.parts()) + "\" does not exist");
                    }
                    if (type == GrantObjectType.SEQUENCE && !(r instanceof Sequence)) {
                        throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + r.name() + "\" is not a sequence");
                    }
                    result.add(relationTarget(r));
                }
            }
            case ALL_TABLES_IN_SCHEMA, ALL_SEQUENCES_IN_SCHEMA -> {
                for (QualifiedName name : names) {
                    Namespace ns = schema(objects, TableDdl.last(name));
                    List<Relation> inSchema = new ArrayList<>();
                    for (Relation r : objects.relations()) {
                        boolean wanted = type == GrantObjectType.ALL_SEQUENCES_IN_SCHEMA ? r instanceof Sequence
                                : !(r instanceof Sequence) && !(r instanceof Index);
                        if (r.namespaceOid() == ns.oid() && wanted && objects.shardOfRelation(r.oid()) == null) {
                            inSchema.add(r);
                        }
                    }
                    inSchema.sort(java.util.Comparator.comparingInt(Relation::oid));
                    for (Relation r : inSchema) {
                        result.add(relationTarget(r));
                    }
                }
            }
            case SCHEMA -> {
                for (QualifiedName name : names) {
                    Namespace ns = schema(objects, TableDdl.last(name));
                    result.add(new Target(AclObjectKind.SCHEMA, ns.oid(), ns.ownerOid(), ns.name(), "schema"));
                }
            }
            case DATABASE -> {
                for (QualifiedName name : names) {
                    Database db = catalog.database(TableDdl.last(name));
                    if (db == null) {
                        throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME, "database \"" + TableDdl.last(name)
                                + "\" does not exist");
                    }
                    result.add(new Target(AclObjectKind.DATABASE, db.oid(), db.ownerOid(), db.name(), "database"));
                }
            }
            case FUNCTION, ALL_FUNCTIONS_IN_SCHEMA -> throw StatementExecutor.unsupported("GRANT or REVOKE on functions");
        }
        return result;
    }

    private static Namespace schema(DatabaseCatalog objects, String name) {
        Namespace ns = objects.namespace(name);
        if (ns == null) {
            throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
        }
        return ns;
    }

    private static Target relationTarget(Relation r) {
        AclObjectKind kind = r instanceof Sequence ? AclObjectKind.SEQUENCE : AclObjectKind.TABLE;
        return new Target(kind, r.oid(), r.ownerOid(), r.name(), TableDdl.kindName(r));
    }
}
