package io.shale.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One node's log file, {@code <data>/log/shale.log}: a handler on the {@code io.shale} logger
 * while the node runs, removed when it stops, so nothing of it outlives the node. Records of the
 * node's own logger ({@link #logger()}) go only to its file; records of the shared module loggers
 * go to the file of every node running in the JVM. Standard error gets every record through the
 * JVM's console handler.
 */
final class NodeLog extends Handler implements AutoCloseable {
    static final String SHALE_LOGGER = "io.shale";
    private static final String NODE_LOGGER_PREFIX = Node.class.getName() + "[";

    private final Logger shaleLogger = Logger.getLogger(SHALE_LOGGER);
    private final Logger nodeLogger;
    private final Writer writer;

    private NodeLog(Path dataDirectory, Writer writer) {
        this.writer = writer;
        this.nodeLogger = Logger.getLogger(NODE_LOGGER_PREFIX + dataDirectory.toString().replace('.', '_') + "]");
        setFormatter(new LogLineFormatter());
        setLevel(Level.INFO);
    }

    /** Opens {@code <logDirectory>/shale.log} for appending and starts receiving records. */
    static NodeLog open(Path dataDirectory, Path logDirectory) {
        Path file = logDirectory.resolve("shale.log");
        try {
            Files.createDirectories(logDirectory);
            Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
            NodeLog log = new NodeLog(dataDirectory, writer);
            log.shaleLogger.addHandler(log);
            return log;
        } catch (IOException e) {
            throw IoErrors.ioError("could not open log file \"" + file + "\"", e);
        }
    }

    /** The logger of this node's own messages (start, stop, ports). */
    Logger logger() {
        return nodeLogger;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String name = record.getLoggerName();
        boolean otherNode = name != null && name.startsWith(NODE_LOGGER_PREFIX) && !name.equals(nodeLogger.getName());
        return !otherNode && super.isLoggable(record);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            writer.write(getFormatter().format(record));
            writer.flush();
        } catch (IOException e) {
            reportError("could not write the log file", e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            reportError("could not flush the log file", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    /** Stops receiving records and closes the file. Idempotent. */
    @Override
    public synchronized void close() {
        shaleLogger.removeHandler(this);
        try {
            writer.close();
        } catch (IOException e) {
            reportError("could not close the log file", e, ErrorManager.CLOSE_FAILURE);
        }
    }
}
