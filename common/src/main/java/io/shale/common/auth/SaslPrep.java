package io.shale.common.auth;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) of a password, as PostgreSQL applies it before SCRAM: non-ASCII spaces
 * become spaces, characters "commonly mapped to nothing" go away, NFKC normalisation; a password
 * that then contains prohibited characters is used unchanged, as PostgreSQL does. ASCII passwords
 * are always unchanged. The bidirectional-text checks are not made.
 */
public final class SaslPrep {
    private SaslPrep() {
    }

    public static String normalize(String password) {
        if (isAscii(password)) {
            return password;
        }
        StringBuilder mapped = new StringBuilder(password.length());
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (isNonAsciiSpace(c)) {
                mapped.append(' ');
            } else if (!isMappedToNothing(c)) {
                mapped.appendCodePoint(c);
            }
        }
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (isProhibited(c)) {
                return password;
            }
        }
        return normalized;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(int c) {
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** RFC 3454 table B.1. */
    private static boolean isMappedToNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D)
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }

    /** RFC 4013 section 2.3 (tables C.1.2 to C.9), by Unicode general category where it matches. */
    private static boolean isProhibited(int c) {
        if (isNonAsciiSpace(c) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE
                || (c >= 0xFFF9 && c <= 0xFFFD) || (c >= 0x2FF0 && c <= 0x2FFB)
                || (c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x206A && c <= 0x206F)
                || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
