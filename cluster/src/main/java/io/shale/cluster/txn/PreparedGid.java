package io.shale.cluster.txn;

/**
 * The global transaction identifiers of prepared transactions that distributed transactions leave on their
 * participants, Citus's {@code citus_<origin group>_<origin pid>_<transaction number>_<connection>} (decimal numbers;
 * the connection number is the participant's group here, one connection per pair of nodes).
 *
 * @param originGroup the group of the node that coordinates the transaction
 * @param originPid the coordinating session's process id
 * @param number the transaction's number on its origin node
 * @param connection the participant's number
 */
public record PreparedGid(int originGroup, int originPid, long number, int connection) {
    private static final String PREFIX = "citus_";

    public static String format(int originGroup, int originPid, long number, int connection) {
        return PREFIX + originGroup + "_" + originPid + "_" + number + "_" + connection;
    }

    /** The gid of a prepared transaction, or null when {@code gid} is not of this form. */
    public static PreparedGid parse(String gid) {
        if (!gid.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = gid.substring(PREFIX.length()).split("_", -1);
        if (parts.length != 4) {
            return null;
        }
        try {
            return new PreparedGid(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                    Integer.parseInt(parts[3]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code gid} names a prepared transaction coordinated by a node of {@code group}. */
    public static boolean originatesIn(String gid, int group) {
        PreparedGid parsed = parse(gid);
        return parsed != null && parsed.originGroup == group;
    }

    @Override
    public String toString() {
        return format(originGroup, originPid, number, connection);
    }
}
