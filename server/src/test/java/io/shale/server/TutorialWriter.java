package io.shale.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pgjdbc client that keeps writing to the tutorial's three services while psql runs the tutorial, from the end of
 * the services' own writes (when the orderservice schema is gone; earlier rows would show in the services' SELECTs)
 * until stopped: it inserts a row into userservice.users, timeservice.query_details and pingservice.ping_results in
 * turn, remembering the id of each acknowledged row. Its rows keep the tutorial's plan: users grows more than twice as
 * fast as the two others together and ping_results faster than query_details, so the rebalancer still moves
 * pingservice and ignores moving userservice. Any error is kept for {@link #check}.
 */
final class TutorialWriter implements Runnable {
    private static final String[] INSERTS = {
        "INSERT INTO userservice.users (name, email) VALUES (repeat('w', 250), ?) RETURNING id",
        "INSERT INTO timeservice.query_details (ip_address, query_time) VALUES ('198.51.100.7', now()) RETURNING id",
        "INSERT INTO pingservice.ping_results (host, result) VALUES (?, repeat('p', 60)) RETURNING id"};
    private static final String[] TABLES = {"userservice.users", "timeservice.query_details",
        "pingservice.ping_results"};

    private final String url;
    private final List<List<Long>> acknowledged = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private volatile boolean stopping;
    private volatile int roundsAfterStop;
    private volatile Throwable failure;

    TutorialWriter(String url) {
        this.url = url;
    }

    @Override
    public void run() {
        try (Connection c = connect()) {
            PreparedStatement[] inserts = new PreparedStatement[INSERTS.length];
            awaitServicesWritten(c);
            for (int i = 0; i < inserts.length; i++) {
                inserts[i] = c.prepareStatement(INSERTS[i]);
            }
            long n = 0;
            while (!stopping || roundsAfterStop++ < 20) {
                n++;
                inserts[0].setString(1, "writer-" + n + "@" + "example".repeat(30) + ".com");
                inserts[2].setString(1, "writer-" + n + ".example.com");
                for (int i = 0; i < inserts.length; i++) {
                    try (ResultSet r = inserts[i].executeQuery()) {
                        r.next();
                        acknowledged.get(i).add(r.getLong(1));
                    }
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** A connection to the database citus, once psql has created it. */
    private Connection connect() throws SQLException, InterruptedException {
        while (true) {
            try {
                return DriverManager.getConnection(url);
            } catch (SQLException e) {
                if (!"3D000".equals(e.getSQLState()) || stopping) {
                    throw e;
                }
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** Waits until the services' tables exist and the orderservice schema is gone. */
    private void awaitServicesWritten(Connection c) throws SQLException, InterruptedException {
        try (PreparedStatement ready = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_class r JOIN pg_namespace n"
                + " ON n.oid = r.relnamespace WHERE n.nspname = 'pingservice' AND r.relname = 'ping_results') AND NOT "
                + "EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'orderservice')")) {
            while (!stopping) {
                try (ResultSet r = ready.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
        }
        throw new AssertionError("the tutorial's services were never written");
    }

    /** Ends the writing after 20 more rounds. */
    void stop() {
        stopping = true;
    }

    /** Fails on a write error, on no writes, or when an acknowledged row is missing. */
    void check() throws SQLException {
        if (failure != null) {
            throw new AssertionError("the writer failed", failure);
        }
        try (Connection c = DriverManager.getConnection(url)) {
            for (int i = 0; i < TABLES.length; i++) {
                List<Long> ids = acknowledged.get(i);
                if (ids.isEmpty()) {
                    throw new AssertionError("the writer wrote nothing to " + TABLES[i]);
                }
                try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM " + TABLES[i]
                        + " WHERE id = ANY (?)")) {
                    p.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        if (r.getLong(1) != ids.size()) {
                            throw new AssertionError(TABLES[i] + " holds " + r.getLong(1) + " of the " + ids.size()
                                    + " rows the writer was told were written");
                        }
                    }
                }
            }
        }
    }

    /** How many rows were acknowledged, per table. */
    String summary() {
        return acknowledged.get(0).size() + "/" + acknowledged.get(1).size() + "/" + acknowledged.get(2).size();
    }
}
