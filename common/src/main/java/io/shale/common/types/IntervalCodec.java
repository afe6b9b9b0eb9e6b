package io.shale.common.types;

/** interval as {@link Interval}; binary int64 µs, int32 days, int32 months. */
final class IntervalCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return IntervalFormat.format((Interval) value, settings.intervalStyle());
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        Interval iv = IntervalParser.parse(text, settings.intervalStyle());
        int precision = type.typmod() < 0 ? -1 : type.typmod() & 0xFFFF;
        if (precision >= 0 && precision < 6) {
            return new Interval(iv.months(), iv.days(), PgTime.roundMicros(iv.micros(), precision));
        }
        return iv;
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        Interval iv = (Interval) value;
        out.putLong(iv.micros()).putInt(iv.days()).putInt(iv.months());
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        ValueCodec.expectLength(len, 16);
        return new Interval(ValueCodec.getInt(buf, off + 12), ValueCodec.getInt(buf, off + 8),
                ValueCodec.getLong(buf, off));
    }
}
