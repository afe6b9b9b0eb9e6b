package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SET / SHOW behaviour compared with what PostgreSQL 15.18 prints. */
@Timeout(10)
class SettingsTest {
    private static final SettingsRegistry REGISTRY = SettingsRegistry.postgresDefaults();
    private final Settings settings = REGISTRY.newSession();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "statement_timeout|5000|5s",
        "statement_timeout|1min|1min",
        "statement_timeout|90s|90s",
        "statement_timeout|1.5s|1500ms",
        "statement_timeout|100 ms|100ms",
        "statement_timeout|3600000|1h",
        "statement_timeout|86400000|1d",
        "TimeZone|utc|UTC",
        "timezone|america/los_angeles|America/Los_Angeles",
        "timezone|-7|<-07>+07",
        "timezone|5.5|<+05:30>-05:30",
        "timezone|UTC+3|UTC+3",
        "timezone|gmt|GMT",
        "timezone|Etc/UTC|Etc/UTC",
        "datestyle|german|German, DMY",
        "datestyle|sql, dmy|SQL, DMY",
        "datestyle|Postgres, MDY|Postgres, MDY",
        "datestyle|euro|ISO, DMY",
        "work_mem|64MB|64MB",
        "work_mem|65536|64MB",
        "work_mem|1GB|1GB",
        "work_mem|1000kB|1000kB",
        "random_page_cost|1.1|1.1",
        "random_page_cost|4|4",
        "random_page_cost|0.000012345678|1.23457e-05",
        "extra_float_digits|3|3",
        "enable_seqscan|no|off",
        "enable_seqscan|1|on",
        "enable_seqscan|t|on",
        "intervalstyle|SQL_STANDARD|sql_standard",
        "client_encoding|unicode|UTF8",
        "client_encoding|utf-8|UTF8",
        "application_name|héllo|h??llo",
        "lock_timeout|2h|2h",
        "idle_in_transaction_session_timeout|30min|30min",
        "default_transaction_isolation|REPEATABLE READ|repeatable read",
        "synchronous_commit|false|off",
        "myapp.x|hello|hello",
    })
    void setThenShowPrintsLikePostgres(String name, String value, String shown) {
        settings.set(name, value, false);
        assertThat(settings.show(name)).isEqualTo(shown);
    }

    @Test
    void defaultsMatchAFreshPostgresSession() {
        Map<String, String> expected = Map.ofEntries(Map.entry("shared_buffers", "128MB"),
                Map.entry("max_connections", "100"), Map.entry("effective_cache_size", "4GB"),
                Map.entry("maintenance_work_mem", "64MB"), Map.entry("temp_buffers", "8MB"),
                Map.entry("max_stack_depth", "2MB"), Map.entry("deadlock_timeout", "1s"),
                Map.entry("server_version_num", "150018"), Map.entry("lc_collate", "C.UTF-8"),
                Map.entry("default_text_search_config", "pg_catalog.english"),
                Map.entry("password_encryption", "scram-sha-256"), Map.entry("ssl", "off"),
                Map.entry("integer_datetimes", "on"), Map.entry("bytea_output", "hex"),
                Map.entry("log_min_duration_statement", "-1"), Map.entry("cpu_tuple_cost", "0.01"),
                Map.entry("search_path", "\"$user\", public"), Map.entry("DateStyle", "ISO, MDY"),
                Map.entry("TimeZone", "UTC"), Map.entry("transaction_isolation", "read committed"),
                Map.entry("server_version", "15.18"), Map.entry("standard_conforming_strings", "on"),
                Map.entry("IntervalStyle", "postgres"), Map.entry("client_encoding", "UTF8"));
        expected.forEach((name, value) -> assertThat(settings.show(name)).as(name).isEqualTo(value));
    }

    /** Every setting's default as SHOW prints it, against a fresh PostgreSQL 15.18 session. */
    @Test
    void everyDefaultIsShownLikePostgres() throws Exception {
        Set<String> nodeSpecific = Set.of("TimeZone", "log_timezone", "server_version", "port", "listen_addresses",
                "unix_socket_directories", "dynamic_shared_memory_type", "lc_messages");
        try (InputStream in = SettingsTest.class.getResourceAsStream("postgres_show_all.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(REGISTRY.all().size() - 3);
            List<String> differences = new java.util.ArrayList<>();
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                if (!nodeSpecific.contains(f[0]) && !settings.show(f[0]).equals(f[1])) {
                    differences.add(f[0] + ": " + settings.show(f[0]) + " instead of " + f[1]);
                }
            }
            assertThat(differences).isEmpty();
        }
    }

    @Test
    void dateStylePartialUpdatesKeepTheOtherHalf() {
        settings.set("DateStyle", "sql, dmy", false);
        settings.set("DateStyle", "ymd", false);
        assertThat(settings.show("datestyle")).isEqualTo("SQL, YMD");
        settings.set("DateStyle", "Postgres, MDY", false);
        settings.set("DateStyle", "iso", false);
        assertThat(settings.show("DateStyle")).isEqualTo("ISO, MDY");
    }

    @Test
    void searchPathListsAreQuotedLikePostgres() {
        settings.set("search_path", List.of("My Schema", "public"), false);
        assertThat(settings.show("search_path")).isEqualTo("\"My Schema\", public");
        settings.set("search_path", List.of("a,b"), false);
        assertThat(settings.show("search_path")).isEqualTo("\"a,b\"");
        settings.set("search_path", "a, b", false);
        assertThat(settings.show("search_path")).isEqualTo("a, b");
        assertThat(settings.searchPath()).containsExactly("a", "b");
        settings.reset("search_path");
        assertThat(settings.show("search_path")).isEqualTo("\"$user\", public");
        assertThat(settings.searchPath()).containsExactly("$user", "public");
    }

    @Test
    void errorsUsePostgresCodesAndWording() {
        assertError(() -> settings.set("client_encoding", "foo", false), ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"client_encoding\": \"foo\"");
        assertError(() -> settings.show("myapp.y"), ErrorCode.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"myapp.y\"");
        assertError(() -> settings.set("foo", "1", false), ErrorCode.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"foo\"");
        assertError(() -> settings.set("max_connections", "10", false), ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                "parameter \"max_connections\" cannot be changed without restarting the server");
        assertError(() -> settings.set("server_version", "1", false), ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                "parameter \"server_version\" cannot be changed");
        assertError(() -> settings.set("statement_timeout", "abc", false), ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"statement_timeout\": \"abc\"");
        assertError(() -> settings.set("statement_timeout", "-5", false), ErrorCode.INVALID_PARAMETER_VALUE,
                "-5 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)");
        assertThatThrownBy(() -> settings.set("statement_timeout", "5 years", false))
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.hint()).isEqualTo(
                        "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"."));
        assertError(() -> settings.set("enable_seqscan", "maybe", false), ErrorCode.INVALID_PARAMETER_VALUE,
                "parameter \"enable_seqscan\" requires a Boolean value");
        assertThatThrownBy(() -> settings.set("intervalstyle", "foo", false))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("invalid value for parameter \"intervalstyle\": \"foo\"");
                    assertThat(e.hint()).isEqualTo(
                            "Available values: postgres, postgres_verbose, sql_standard, iso_8601.");
                });
        assertError(() -> settings.set("extra_float_digits", "10", false), ErrorCode.INVALID_PARAMETER_VALUE,
                "10 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
        assertError(() -> settings.set("random_page_cost", "-1", false), ErrorCode.INVALID_PARAMETER_VALUE,
                "-1 is outside the valid range for parameter \"random_page_cost\" (0 .. 1.79769e+308)");
        assertError(() -> settings.set("timezone", "Mars/Olympus", false), ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"TimeZone\": \"Mars/Olympus\"");
        assertThatThrownBy(() -> settings.set("datestyle", "foo", false))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("invalid value for parameter \"DateStyle\": \"foo\"");
                    assertThat(e.detail()).isEqualTo("Unrecognized key word: \"foo\".");
                });
        assertError(() -> settings.set("statement_timeout", List.of("1", "2"), false), ErrorCode.SYNTAX_ERROR,
                "SET statement_timeout takes only one argument");
        assertError(() -> settings.set("lc_messages", "C", false), ErrorCode.INSUFFICIENT_PRIVILEGE,
                "permission denied to set parameter \"lc_messages\"");
    }

    @Test
    void setInsideAnAbortedTransactionIsUndone() {
        settings.set("work_mem", "8MB", false);
        settings.beginTransaction();
        settings.set("work_mem", "16MB", false);
        settings.set("statement_timeout", "1s", true);
        assertThat(settings.show("statement_timeout")).isEqualTo("1s");
        settings.rollbackTransaction();
        assertThat(settings.show("work_mem")).isEqualTo("8MB");
        assertThat(settings.show("statement_timeout")).isEqualTo("0");
    }

    @Test
    void setLocalEndsWithTheTransactionAndSetSurvivesCommit() {
        settings.beginTransaction();
        settings.set("work_mem", "16MB", false);
        settings.set("statement_timeout", "1s", true);
        settings.commitTransaction();
        assertThat(settings.show("work_mem")).isEqualTo("16MB");
        assertThat(settings.show("statement_timeout")).isEqualTo("0");
        settings.set("statement_timeout", "1s", true);
        assertThat(settings.show("statement_timeout")).as("SET LOCAL outside a transaction").isEqualTo("0");
    }

    @Test
    void rollbackToSavepointUndoesOnlyTheSubtransaction() {
        settings.beginTransaction();
        settings.set("work_mem", "16MB", false);
        settings.beginSubtransaction();
        settings.set("work_mem", "32MB", false);
        settings.set("search_path", "x", true);
        settings.rollbackSubtransaction();
        assertThat(settings.show("work_mem")).isEqualTo("16MB");
        assertThat(settings.show("search_path")).isEqualTo("\"$user\", public");
        settings.beginSubtransaction();
        settings.set("search_path", "y", true);
        settings.releaseSubtransaction();
        assertThat(settings.show("search_path")).isEqualTo("y");
        settings.commitTransaction();
        assertThat(settings.show("search_path")).isEqualTo("\"$user\", public");
        assertThat(settings.show("work_mem")).isEqualTo("16MB");
    }

    @Test
    void customSettingsStayDefinedAfterRollbackAndResetAll() {
        settings.set("myapp.x", "a", false);
        settings.resetAll();
        assertThat(settings.show("myapp.x")).isEqualTo("");
        settings.beginTransaction();
        settings.set("myapp.y", "b", false);
        settings.rollbackTransaction();
        assertThat(settings.show("myapp.y")).isEqualTo("");
    }

    @Test
    void transactionIsolationFollowsTheDefaultOutsideTransactions() {
        settings.set("default_transaction_isolation", "REPEATABLE READ", false);
        assertThat(settings.show("transaction_isolation")).isEqualTo("repeatable read");
        settings.beginTransaction();
        settings.set("transaction_isolation", "read committed", false);
        assertThat(settings.show("transaction_isolation")).isEqualTo("read committed");
        settings.commitTransaction();
        assertThat(settings.show("transaction_isolation")).isEqualTo("repeatable read");
    }

    @Test
    void resetReturnsToStartupValuesAndResetAllKeepsSessionAuthorization() {
        settings.applyStartup("DateStyle", "Postgres, MDY");
        settings.applyStartup("application_name", "psql");
        settings.setInternal("session_authorization", "alice");
        settings.set("DateStyle", "ISO", false);
        settings.set("application_name", "x", false);
        settings.reset("DateStyle");
        assertThat(settings.show("DateStyle")).isEqualTo("Postgres, MDY");
        settings.resetAll();
        assertThat(settings.show("application_name")).isEqualTo("psql");
        assertThat(settings.show("session_authorization")).isEqualTo("alice");
        assertError(() -> settings.applyStartup("max_connections", "5"), ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                "parameter \"max_connections\" cannot be changed without restarting the server");
    }

    @Test
    void reportedChangesListOnlyWhatChanged() {
        assertThat(settings.reportedChanges()).containsEntry("server_version", "15.18")
                .containsEntry("client_encoding", "UTF8").containsEntry("DateStyle", "ISO, MDY")
                .containsEntry("TimeZone", "UTC").containsEntry("integer_datetimes", "on").hasSize(13);
        settings.set("application_name", "PostgreSQL JDBC Driver", false);
        settings.set("work_mem", "1GB", false);
        assertThat(settings.reportedChanges()).containsExactly(Map.entry("application_name", "PostgreSQL JDBC Driver"));
        assertThat(settings.reportedChanges()).isEmpty();
    }

    @Test
    void formatSettingsFollowTheSettings() {
        settings.set("TimeZone", "America/Los_Angeles", false);
        settings.set("DateStyle", "German", false);
        settings.set("IntervalStyle", "iso_8601", false);
        settings.set("bytea_output", "escape", false);
        FormatSettings f = settings.formatSettings(FormatSettings.OidNames.NUMERIC);
        assertThat(f.timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(f.dateStyle()).isEqualTo(FormatSettings.DateStyle.GERMAN);
        assertThat(f.dateOrder()).isEqualTo(FormatSettings.DateOrder.DMY);
        assertThat(f.intervalStyle()).isEqualTo(FormatSettings.IntervalStyle.ISO_8601);
        assertThat(f.byteaHex()).isFalse();
        settings.set("TimeZone", "-7", false);
        assertThat(settings.formatSettings(null).timeZone()).isEqualTo(ZoneOffset.ofHours(-7));
        settings.set("TimeZone", "UTC+3", false);
        assertThat(settings.formatSettings(null).timeZone()).isEqualTo(ZoneOffset.ofHours(-3));
    }

    @Test
    void nodeDefaultsAreValidatedAndShown() {
        Settings s = SettingsRegistry.withDefaults(Map.of("max_connections", "300", "work_mem", "8MB",
                "myapp.mode", "fast")).newSession();
        assertThat(s.show("max_connections")).isEqualTo("300");
        assertThat(s.show("work_mem")).isEqualTo("8MB");
        assertThat(s.show("myapp.mode")).isEqualTo("fast");
        assertThatThrownBy(() -> SettingsRegistry.withDefaults(Map.of("nosuch", "1")))
                .hasMessage("unrecognized configuration parameter \"nosuch\"");
        assertThatThrownBy(() -> SettingsRegistry.withDefaults(Map.of("work_mem", "lots")))
                .hasMessage("invalid value for parameter \"work_mem\": \"lots\"");
    }

    @Test
    void pgSettingsRowsCarryUnitsAndSources() {
        settings.set("statement_timeout", "5s", false);
        SettingRow row = settings.rows().stream().filter(r -> r.name().equals("statement_timeout")).findFirst()
                .orElseThrow();
        assertThat(row.setting()).isEqualTo("5000");
        assertThat(row.unit()).isEqualTo("ms");
        assertThat(row.source()).isEqualTo("session");
        assertThat(row.vartype()).isEqualTo("integer");
        assertThat(row.context()).isEqualTo("user");
        assertThat(row.minVal()).isEqualTo("0");
        assertThat(settings.showAll()).anySatisfy(r -> assertThat(r[0]).isEqualTo("TimeZone"));
        assertThat(settings.showAll()).noneSatisfy(r -> assertThat(r[0]).isEqualTo("is_superuser"));
    }

    private static void assertError(Runnable action, ErrorCode code, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ShaleException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
