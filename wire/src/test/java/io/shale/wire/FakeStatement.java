package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.TypeOids;
import io.shale.engine.session.ColumnDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fake engine's statements: {@code select 1}, {@code select $1}, {@code echo <text>},
 * {@code generate <n>} (n int4 rows), {@code error} (42601), {@code boom} (a Java exception),
 * {@code sleep} (blocks until cancelled), {@code notice}, {@code begin}, {@code commit},
 * {@code set <name> = '<value>'}, {@code copy … from stdin}, {@code copy … to stdout}, and the
 * empty statement.
 */
record FakeStatement(String sql, String kind, int[] parameterTypes, List<ColumnDescription> columns) {

    static ColumnDescription int4(String name) {
        return new ColumnDescription(name, 0, (short) 0, TypeOids.INT4, (short) 4, -1);
    }

    static ColumnDescription text(String name) {
        return new ColumnDescription(name, 0, (short) 0, TypeOids.TEXT, (short) -1, -1);
    }

    static FakeStatement of(String sql, int[] givenTypes) {
        String trimmed = sql.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String kind = lower.isEmpty() ? "empty" : lower.split("\\s+")[0];
        return switch (kind) {
            case "select" -> {
                if (lower.contains("$1")) {
                    int type = givenTypes.length > 0 && givenTypes[0] != 0 ? givenTypes[0] : TypeOids.INT4;
                    ColumnDescription column = new ColumnDescription("?column?", 0, (short) 0, type,
                            (short) (type == TypeOids.INT4 ? 4 : -1), -1);
                    yield new FakeStatement(trimmed, "param", new int[] {type}, List.of(column));
                }
                yield new FakeStatement(trimmed, "select", new int[0], List.of(int4("?column?")));
            }
            case "echo" -> new FakeStatement(trimmed, kind, new int[0], List.of(text("echo")));
            case "generate" -> new FakeStatement(trimmed, kind, new int[0], List.of(int4("n")));
            case "error" -> throw new ShaleException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"error\"")
                    .withPosition(1).withHint("fake hint");
            case "boom", "sleep", "notice", "begin", "commit", "set", "copy", "empty" ->
                    new FakeStatement(trimmed, kind, new int[0], List.of());
            default -> throw new ShaleException(ErrorCode.SYNTAX_ERROR,
                    "syntax error at or near \"" + kind + "\"").withPosition(1);
        };
    }

    /** The rows of a row-returning statement, given its parameters. */
    List<Object[]> rows(Object[] parameters) {
        List<Object[]> rows = new ArrayList<>();
        switch (kind) {
            case "select" -> rows.add(new Object[] {Integer.parseInt(sql.substring(6).trim())});
            case "param" -> rows.add(new Object[] {parameters[0]});
            case "echo" -> rows.add(new Object[] {sql.substring(4).trim()});
            case "generate" -> {
                int count = Integer.parseInt(sql.substring(8).trim());
                for (int i = 1; i <= count; i++) {
                    rows.add(new Object[] {i % 3 == 0 ? null : i});
                }
            }
            default -> { }
        }
        return rows;
    }
}
