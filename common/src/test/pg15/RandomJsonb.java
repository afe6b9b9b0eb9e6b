import io.shale.common.types.*;
import java.util.*;

public class RandomJsonb {
    static Random r;
    static String str() { String cs = "ab\"\\/\n\u00e9\u4e2d xyzAB12"; StringBuilder sb = new StringBuilder("\""); int n = r.nextInt(5);
        for (int i = 0; i < n; i++) { char c = cs.charAt(r.nextInt(cs.length())); if (c == '"' || c == '\\') sb.append('\\'); if (c == '\n') { sb.append("\\n"); continue; } sb.append(c); }
        if (r.nextInt(5) == 0) sb.append("\\u00e9\\u0007"); return sb.append('"').toString(); }
    static String val(int d) {
        int k = r.nextInt(d > 2 ? 5 : 7);
        switch (k) {
            case 0: return "null"; case 1: return r.nextBoolean() ? "true" : "false";
            case 2: return new String[]{"0", "-0", "1.50", "1e2", "-1.5E-3", "123456789012345678901234567890", "0.000", "3.14159", "1E+2", "-0.0"}[r.nextInt(10)];
            case 3: case 4: return str();
            case 5: { StringBuilder sb = new StringBuilder("["); int n = r.nextInt(4); for (int i = 0; i < n; i++) { if (i > 0) sb.append(" , "); sb.append(val(d + 1)); } return sb.append("]").toString(); }
            default: { StringBuilder sb = new StringBuilder("{"); int n = r.nextInt(4); for (int i = 0; i < n; i++) { if (i > 0) sb.append(","); sb.append(str()).append(":").append(val(d + 1)); } return sb.append("}").toString(); }
        }
    }
    public static void main(String[] a) {
        r = new Random(Long.parseLong(a[0]));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 300; i++) { String j = val(0); out.append("jsonb|x\t").append(j.replace("\t", " ")).append('\t').append(Jsonb.parse(j).toString()).append('\n'); }
        System.out.print(out);
    }
}
