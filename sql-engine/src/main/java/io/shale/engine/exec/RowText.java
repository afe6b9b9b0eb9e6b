package io.shale.engine.exec;

import io.shale.catalog.Column;
import io.shale.catalog.Table;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.TextCodec;

import java.util.List;

/** A stored row as PostgreSQL prints it in error details: {@code (1, abc, null)}. */
final class RowText {
    private RowText() {
    }

    static String of(Table table, Object[] row, FormatSettings settings) {
        StringBuilder sb = new StringBuilder("(");
        List<Column> columns = table.columns();
        boolean first = true;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).dropped()) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            Object v = row[i];
            sb.append(v == null ? "null" : TextCodec.format(columns.get(i).type(), v, settings));
        }
        return sb.append(')').toString();
    }
}
