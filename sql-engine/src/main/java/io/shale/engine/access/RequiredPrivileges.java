package io.shale.engine.access;

import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Catalog;
import io.shale.catalog.Privilege;
import io.shale.catalog.Privileges;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Arrays;

/**
 * The privileges a plan needs, collected while it was analysed and checked before every execution (the role may
 * differ from the one that planned): one entry per (object, role to check as), in the order PostgreSQL checks its
 * range table, so the first refusal is PostgreSQL's. Entries inside a view are checked as the view's owner.
 * Immutable; the check allocates nothing unless it refuses.
 */
public final class RequiredPrivileges {
    /** The plan of a statement that reads or writes no user object. */
    public static final RequiredPrivileges NONE = new RequiredPrivileges(new AclObjectKind[0], new int[0], new int[0],
            new int[0], new String[0], new int[0]);
    private static final Privilege[] PRIVILEGES = Privilege.values();

    private final AclObjectKind[] kinds;
    private final int[] objectOids;
    private final int[] masks;
    private final int[] asRoles;
    private final String[] messages;
    private final int[] positions;

    private RequiredPrivileges(AclObjectKind[] kinds, int[] objectOids, int[] masks, int[] asRoles, String[] messages,
                               int[] positions) {
        this.kinds = kinds;
        this.objectOids = objectOids;
        this.masks = masks;
        this.asRoles = asRoles;
        this.messages = messages;
        this.positions = positions;
    }

    /** How many objects the plan checks. */
    public int size() {
        return objectOids.length;
    }

    /** Whether entry {@code i} needs privilege {@code p} (for tests). */
    public boolean needs(int i, Privilege p) {
        return (masks[i] & p.bit()) != 0;
    }

    /** The oid of the object of entry {@code i} (for tests). */
    public int objectOid(int i) {
        return objectOids[i];
    }

    /** Throws PostgreSQL's 42501 for the first object the role (or a view's owner) lacks a privilege on. */
    public void check(Catalog catalog, int databaseOid, int roleOid) {
        int n = objectOids.length;
        if (n == 0 || AccessChecks.isSuperuser(catalog, roleOid)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            int as = asRoles[i] == 0 ? roleOid : asRoles[i];
            int mask = masks[i];
            for (int bit = 0; mask != 0; bit++, mask >>>= 1) {
                if ((mask & 1) != 0 && !Privileges.has(catalog, databaseOid, as, kinds[i], objectOids[i], PRIVILEGES[bit])) {
                    ShaleException e = new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, messages[i]);
                    throw positions[i] > 0 ? e.withPosition(positions[i]) : e;
                }
            }
        }
    }

    /** Collects the entries of one statement's analysis. Not thread-safe (one analysis at a time). */
    public static final class Builder {
        private AclObjectKind[] kinds = new AclObjectKind[4];
        private int[] objectOids = new int[4];
        private int[] masks = new int[4];
        private int[] asRoles = new int[4];
        private String[] messages = new String[4];
        private int[] positions = new int[4];
        private int size;

        /**
         * Adds privileges on an object, checked as {@code asRole} (0: the executing role); the same object and role
         * seen again adds to the first entry.
         *
         * @param message the refusal's text, e.g. {@code permission denied for table t}
         * @param position the statement position the refusal points at, or 0
         */
        public void add(AclObjectKind kind, int objectOid, int privilegeMask, int asRole, String message, int position) {
            for (int i = 0; i < size; i++) {
                if (objectOids[i] == objectOid && asRoles[i] == asRole && kinds[i] == kind) {
                    masks[i] |= privilegeMask;
                    return;
                }
            }
            if (size == objectOids.length) {
                int grown = size * 2;
                kinds = Arrays.copyOf(kinds, grown);
                objectOids = Arrays.copyOf(objectOids, grown);
                masks = Arrays.copyOf(masks, grown);
                asRoles = Arrays.copyOf(asRoles, grown);
                messages = Arrays.copyOf(messages, grown);
                positions = Arrays.copyOf(positions, grown);
            }
            kinds[size] = kind;
            objectOids[size] = objectOid;
            masks[size] = privilegeMask;
            asRoles[size] = asRole;
            messages[size] = message;
            positions[size] = position;
            size++;
        }

        /** The entries so far. */
        public RequiredPrivileges build() {
            if (size == 0) {
                return NONE;
            }
            return new RequiredPrivileges(Arrays.copyOf(kinds, size), Arrays.copyOf(objectOids, size),
                    Arrays.copyOf(masks, size), Arrays.copyOf(asRoles, size), Arrays.copyOf(messages, size),
                    Arrays.copyOf(positions, size));
        }
    }
}
