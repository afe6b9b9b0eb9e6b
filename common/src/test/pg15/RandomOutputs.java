import io.shale.common.types.*;
import java.util.*;
import java.time.*;

public class RandomOutputs {
    public static void main(String[] a) {
        Random r = new Random(Long.parseLong(a[0]));
        FormatSettings s = FormatSettings.defaults();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                case 2 -> (double) r.nextInt(100000) / 1000;
                default -> Math.scalb(r.nextDouble(), r.nextInt(2000) - 1000);
            };
            if (Double.isNaN(d)) continue;
            sb.append("float8\t").append(Double.toString(d)).append('\t').append(TextCodec.format(SqlType.FLOAT8, d, s)).append('\n');
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f)) sb.append("float4\t").append(Float.toString(f)).append('\t').append(TextCodec.format(SqlType.FLOAT4, f, s)).append('\n');
        }
        for (FormatSettings.IntervalStyle st : FormatSettings.IntervalStyle.values()) {
            FormatSettings is = new FormatSettings(ZoneId.of("UTC"), FormatSettings.DateStyle.ISO, FormatSettings.DateOrder.MDY, st, 1, true, FormatSettings.OidNames.NUMERIC);
            for (int i = 0; i < 100; i++) {
                Interval iv = new Interval(r.nextInt(4000) - 2000, r.nextInt(100) - 50, (r.nextLong() % (Interval.MICROS_PER_DAY * 3)) / (i % 2 == 0 ? 1 : 1000000) * (i % 2 == 0 ? 1 : 1000000));
                if (i % 5 == 0) iv = new Interval(0, 0, iv.micros());
                if (i % 7 == 0) iv = new Interval(iv.months(), 0, 0);
                sb.append("interval:" + st).append('\t').append(TextCodec.format(SqlType.INTERVAL, iv, s)).append('\t').append(TextCodec.format(SqlType.INTERVAL, iv, is)).append('\n');
            }
        }
        String[] zones = {"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "America/Sao_Paulo", "Asia/Tokyo", "Europe/London"};
        String[] styles = {"ISO", "SQL", "Postgres", "German"};
        for (int i = 0; i < 200; i++) {
            long us = (long) (r.nextDouble() * 4e16) - 2e16 > 0 ? (long) (r.nextDouble() * 2.5e15) : -(long) (r.nextDouble() * 2.5e15);
            Instant in = PgTime.microsToInstant(us);
            String z = zones[r.nextInt(zones.length)];
            String st = styles[r.nextInt(4)];
            FormatSettings ts = new FormatSettings(ZoneId.of(z), FormatSettings.DateStyle.valueOf(st.toUpperCase()), FormatSettings.DateOrder.MDY, FormatSettings.IntervalStyle.POSTGRES, 1, true, FormatSettings.OidNames.NUMERIC);
            sb.append("timestamptz:" + z + ":" + st).append('\t').append(TextCodec.format(SqlType.TIMESTAMPTZ, in, s)).append('\t').append(TextCodec.format(SqlType.TIMESTAMPTZ, in, ts)).append('\n');
        }
        System.out.print(sb);
    }
}
