package io.shale.catalog;

/** PostgreSQL's privileges with their aclitem letters, in aclitem order ({@code arwdDxtXUCTc}). */
public enum Privilege {
    INSERT('a'), SELECT('r'), UPDATE('w'), DELETE('d'), TRUNCATE('D'), REFERENCES('x'), TRIGGER('t'),
    EXECUTE('X'), USAGE('U'), CREATE('C'), TEMPORARY('T'), CONNECT('c');

    private static final Privilege[] VALUES = values();

    private final char letter;

    Privilege(char letter) {
        this.letter = letter;
    }

    /** This privilege's bit in an aclitem mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /** The aclitem letter. */
    public char letter() {
        return letter;
    }

    /** The privilege of an aclitem letter, or null. */
    public static Privilege ofLetter(char letter) {
        for (Privilege p : VALUES) {
            if (p.letter == letter) {
                return p;
            }
        }
        return null;
    }

    /** The privileges of a mask, in aclitem order. */
    public static Privilege[] ofMask(int mask) {
        int n = Integer.bitCount(mask & ((1 << VALUES.length) - 1));
        Privilege[] result = new Privilege[n];
        int i = 0;
        for (Privilege p : VALUES) {
            if ((mask & p.bit()) != 0) {
                result[i++] = p;
            }
        }
        return result;
    }
}
