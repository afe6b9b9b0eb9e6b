package io.shale.catalog;

/** Kinds of objects that carry ACLs, with the privileges each kind accepts ({@code ACL_ALL_RIGHTS_*}). */
public enum AclObjectKind {
    TABLE(Privilege.INSERT.bit() | Privilege.SELECT.bit() | Privilege.UPDATE.bit() | Privilege.DELETE.bit()
            | Privilege.TRUNCATE.bit() | Privilege.REFERENCES.bit() | Privilege.TRIGGER.bit()),
    SEQUENCE(Privilege.USAGE.bit() | Privilege.SELECT.bit() | Privilege.UPDATE.bit()),
    SCHEMA(Privilege.USAGE.bit() | Privilege.CREATE.bit()),
    DATABASE(Privilege.CREATE.bit() | Privilege.TEMPORARY.bit() | Privilege.CONNECT.bit()),
    FUNCTION(Privilege.EXECUTE.bit());

    private final int allPrivileges;

    AclObjectKind(int allPrivileges) {
        this.allPrivileges = allPrivileges;
    }

    /** The mask of every privilege this kind of object accepts ({@code ALL PRIVILEGES}). */
    public int allPrivileges() {
        return allPrivileges;
    }

    /** Whether the privilege applies to this kind of object. */
    public boolean accepts(Privilege privilege) {
        return (allPrivileges & privilege.bit()) != 0;
    }
}
