package io.shale.common.types;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replays explicit casts whose results were recorded from PostgreSQL 15 (see src/test/pg15). */
@Timeout(30)
class PostgresCastCasesTest {
    private static final FormatSettings KOLKATA = FormatSettings.defaults().withTimeZone(ZoneId.of("Asia/Kolkata"));

    @TestFactory
    List<DynamicTest> castsMatchPostgres() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("pg15_cast_cases.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                tests.add(DynamicTest.dynamicTest("'" + f[1] + "'::" + f[0] + "::" + f[2], () -> check(f)));
            }
        }
        return tests;
    }

    private static void check(String[] f) {
        SqlType from = PostgresTextCasesTest.typeOf(f[0]);
        SqlType to = PostgresTextCasesTest.typeOf(f[2]);
        if (f[3].equals("OK")) {
            Object v = Casts.cast(f[1], SqlType.UNKNOWN, from, KOLKATA);
            Object r = Casts.cast(v, from, to, KOLKATA);
            assertThat(TextCodec.format(to, r, KOLKATA)).isEqualTo(f[4]);
        } else {
            assertThatThrownBy(() -> Casts.cast(Casts.cast(f[1], SqlType.UNKNOWN, from, KOLKATA), from, to, KOLKATA))
                    .isInstanceOf(ShaleException.class)
                    .satisfies(e -> assertThat(((ShaleException) e).code().sqlState()).isEqualTo(f[4]));
        }
    }
}
