package io.shale.catalog;

/** A pg_auth_members row: {@code member} is a member of {@code role}. */
public record RoleMembership(int roleOid, int memberOid, int grantorOid, boolean adminOption) {
}
