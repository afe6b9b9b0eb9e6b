package io.shale.catalog;

/**
 * One aclitem: grantee 0 is PUBLIC; {@code privileges} and {@code grantOptions} are sums of
 * {@link Privilege#bit()}, and every grant option is also in {@code privileges}.
 */
public record AclItem(int granteeOid, int grantorOid, int privileges, int grantOptions) {
    /** The grantee oid of PUBLIC. */
    public static final int PUBLIC = 0;

    public boolean has(Privilege p) {
        return (privileges & p.bit()) != 0;
    }

    public boolean hasGrantOption(Privilege p) {
        return (grantOptions & p.bit()) != 0;
    }
}
