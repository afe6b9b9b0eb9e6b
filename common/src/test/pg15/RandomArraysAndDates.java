import io.shale.common.types.*;
import java.util.*;
import java.time.*;

public class RandomArraysAndDates {
    public static void main(String[] a) {
        Random r = new Random(Long.parseLong(a[0]));
        FormatSettings s = FormatSettings.defaults();
        StringBuilder sb = new StringBuilder();
        String chars = "ab {}\",\\NUL\t()x\u00e9 '";
        for (int i = 0; i < 200; i++) {
            int n = r.nextInt(4);
            Object[] els = new Object[n];
            for (int k = 0; k < n; k++) {
                if (r.nextInt(6) == 0) continue;
                StringBuilder e = new StringBuilder();
                int len = r.nextInt(5);
                for (int j = 0; j < len; j++) e.append(chars.charAt(r.nextInt(chars.length())));
                els[k] = e.toString();
            }
            String t = TextCodec.format(SqlType.TEXT_ARRAY, ArrayValue.of(TypeOids.TEXT, els), s);
            sb.append("text[]|ISO\t").append(t.replace("\t", "\\t")).append('\t').append(t.replace("\t", "\\t")).append('\n');
        }
        String[] styles = {"ISO, MDY", "SQL, MDY", "SQL, DMY", "Postgres, MDY", "Postgres, DMY", "German, DMY"};
        for (int i = 0; i < 300; i++) {
            long us = (long) ((r.nextDouble() - 0.3) * 3e17);
            LocalDateTime ts = PgTime.microsToTimestamp(us);
            String st = styles[r.nextInt(styles.length)];
            FormatSettings fs = s.withDateStyleSetting(st);
            String iso = TextCodec.format(SqlType.TIMESTAMP, ts, s);
            sb.append("timestamp|" + st).append('\t').append(iso).append('\t').append(TextCodec.format(SqlType.TIMESTAMP, ts, fs)).append('\n');
            sb.append("date|" + st).append('\t').append(TextCodec.format(SqlType.DATE, ts.toLocalDate(), s)).append('\t').append(TextCodec.format(SqlType.DATE, ts.toLocalDate(), fs)).append('\n');
            // round trip: our styled output parsed by PG under that style, printed in ISO
            sb.append("timestamp-in|" + st).append('\t').append(TextCodec.format(SqlType.TIMESTAMP, ts, fs)).append('\t').append(iso).append('\n');
        }
        System.out.print(sb);
    }
}
