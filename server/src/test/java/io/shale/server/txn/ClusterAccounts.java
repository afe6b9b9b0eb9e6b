package io.shale.server.txn;

import io.shale.engine.distributed.Task;
import io.shale.server.LocalCluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A distributed table {@code accounts (id int PRIMARY KEY, balance int)} on a LocalCluster of a coordinator and two
 * workers (group i is node i), with rows whose shards are on each worker, written and read through the shard
 * relations (the tasks a distributed planner would send).
 */
final class ClusterAccounts {
    /** One account: its id, the shard holding it and the group (node) of that shard. */
    record Account(int id, long shard, int group) {
        Task update(int delta) {
            return new Task(group, shard, "UPDATE public.accounts_" + shard + " SET balance = balance + (" + delta
                    + ") WHERE id = " + id, true);
        }

        Task read() {
            return new Task(group, shard, "SELECT balance FROM public.accounts_" + shard + " WHERE id = " + id, false);
        }
    }

    final LocalCluster cluster;
    final List<Account> accounts = new ArrayList<>();

    /** Creates the table and {@code perWorker} accounts on each worker with balance 100. */
    ClusterAccounts(LocalCluster cluster, int perWorker) throws SQLException {
        this.cluster = cluster;
        execute(0, "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)");
        execute(0, "SELECT create_distributed_table('accounts', 'id')");
        int[] found = new int[3];
        for (int id = 1; found[1] < perWorker || found[2] < perWorker; id++) {
            long shard = Long.parseLong(rows(0, "SELECT get_shard_id_for_distribution_column('accounts', " + id + ")").get(0));
            int group = Integer.parseInt(rows(0, "SELECT groupid FROM pg_dist_placement WHERE shardid = " + shard).get(0));
            if (found[group] < perWorker) {
                found[group]++;
                accounts.add(new Account(id, shard, group));
                execute(group, "INSERT INTO accounts_" + shard + " VALUES (" + id + ", 100)");
            }
        }
    }

    Account onWorker(int group, int index) {
        int seen = 0;
        for (Account a : accounts) {
            if (a.group() == group && seen++ == index) {
                return a;
            }
        }
        throw new IllegalArgumentException("no account " + index + " on group " + group);
    }

    /** The balance of an account, read on its worker. */
    int balance(Account a) throws SQLException {
        return Integer.parseInt(rows(a.group(), "SELECT balance FROM accounts_" + a.shard() + " WHERE id = " + a.id()).get(0));
    }

    List<String> rows(int node, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        }
    }

    void execute(int node, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
