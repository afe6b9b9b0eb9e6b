package io.shale.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.shale.common.types.BinaryCodec;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.Notice;

import java.util.List;

/**
 * Encodes backend messages into one buffer that the worker hands to the channel at flush points
 * (PostgreSQL documentation, "Message Formats"), so that a pipelined batch costs one write.
 * Used by the connection's worker thread only; it waits while the channel is not writable.
 */
final class BackendWriter {
    private static final int FLUSH_THRESHOLD = 64 * 1024;

    private final Channel channel;
    private final Object writability = new Object();
    private ByteBuf out;
    private int messageStart;

    BackendWriter(Channel channel) {
        this.channel = channel;
    }

    /** Starts a message of this type; {@link #end()} fills in its length. */
    private ByteBuf begin(char type) {
        if (out == null) {
            out = channel.alloc().buffer(256);
        }
        out.writeByte(type);
        messageStart = out.writerIndex();
        out.writeInt(0);
        return out;
    }

    private void end() {
        out.setInt(messageStart, out.writerIndex() - messageStart);
        if (out.writerIndex() >= FLUSH_THRESHOLD) {
            flush();
        }
    }

    private static void writeString(ByteBuf buf, String value) {
        ByteBufUtil.writeUtf8(buf, value);
        buf.writeByte(0);
    }

    void authentication(int code, byte[] data) {
        begin('R').writeInt(code).writeBytes(data);
        end();
    }

    void parameterStatus(String name, String value) {
        ByteBuf buf = begin('S');
        writeString(buf, name);
        writeString(buf, value);
        end();
    }

    void backendKeyData(int processId, int secretKey) {
        begin('K').writeInt(processId).writeInt(secretKey);
        end();
    }

    void readyForQuery(char status) {
        begin('Z').writeByte(status);
        end();
    }

    /** RowDescription; {@code formats} has one code per column, or is null for all text. */
    void rowDescription(List<ColumnDescription> columns, short[] formats) {
        ByteBuf buf = begin('T');
        buf.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnDescription column = columns.get(i);
            writeString(buf, column.name());
            buf.writeInt(column.tableOid());
            buf.writeShort(column.columnNumber());
            buf.writeInt(column.typeOid());
            buf.writeShort(column.typeLength());
            buf.writeInt(column.typeModifier());
            buf.writeShort(formats == null ? 0 : formats[i]);
        }
        end();
    }

    void parameterDescription(int[] types) {
        ByteBuf buf = begin('t');
        buf.writeShort(types.length);
        for (int type : types) {
            buf.writeInt(type);
        }
        end();
    }

    /** DataRow: each value encoded by its column's type and format (0 text, 1 binary). */
    /**
     * A DataRow. When a value cannot be encoded, the partly written message is taken back before
     * the exception goes on, so the error that follows leaves the stream in step.
     */
    void dataRow(Object[] values, SqlType[] types, short[] formats, FormatSettings settings) {
        ByteBuf buf = begin('D');
        int start = messageStart - 1;
        try {
            buf.writeShort(values.length);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    buf.writeInt(-1);
                } else if (formats != null && formats[i] == 1) {
                    byte[] data = BinaryCodec.encode(types[i], value, settings);
                    buf.writeInt(data.length).writeBytes(data);
                } else {
                    int lengthIndex = buf.writerIndex();
                    buf.writeInt(0);
                    int length = ByteBufUtil.writeUtf8(buf, TextCodec.format(types[i], value, settings));
                    buf.setInt(lengthIndex, length);
                }
            }
        } catch (RuntimeException e) {
            buf.writerIndex(start);
            throw e;
        }
        end();
    }

    void commandComplete(String tag) {
        writeString(begin('C'), tag);
        end();
    }

    /** A message without body: ParseComplete '1', BindComplete '2', CloseComplete '3', NoData 'n', EmptyQueryResponse 'I', PortalSuspended 's', CopyDone 'c'. */
    void empty(char type) {
        begin(type);
        end();
    }

    /** CopyInResponse 'G' or CopyOutResponse 'H': one overall format and the same per column. */
    void copyResponse(char type, boolean binary, int columnCount) {
        ByteBuf buf = begin(type);
        buf.writeByte(binary ? 1 : 0);
        buf.writeShort(columnCount);
        for (int i = 0; i < columnCount; i++) {
            buf.writeShort(binary ? 1 : 0);
        }
        end();
    }

    void copyData(byte[] data) {
        begin('d').writeBytes(data);
        end();
    }

    /** ErrorResponse 'E' or NoticeResponse 'N' with the fields PostgreSQL sends first. */
    void errorOrNotice(char type, String severity, String sqlState, String message, String detail,
                       String hint, int position) {
        ByteBuf buf = begin(type);
        field(buf, 'S', severity);
        field(buf, 'V', severity);
        field(buf, 'C', sqlState);
        field(buf, 'M', message);
        field(buf, 'D', detail);
        field(buf, 'H', hint);
        if (position > 0) {
            field(buf, 'P', Integer.toString(position));
        }
        buf.writeByte(0);
        end();
    }

    void notice(Notice notice) {
        errorOrNotice('N', notice.severity(), notice.sqlState(), notice.message(), notice.detail(),
                notice.hint(), 0);
    }

    private static void field(ByteBuf buf, char code, String value) {
        if (value != null) {
            buf.writeByte(code);
            writeString(buf, value);
        }
    }

    /** Sends what is buffered, then waits while the channel's outbound buffer is too full. */
    void flush() {
        ByteBuf pending = out;
        out = null;
        if (pending != null) {
            channel.writeAndFlush(pending, channel.voidPromise());
        }
        awaitWritable();
    }

    private void awaitWritable() {
        synchronized (writability) {
            while (!channel.isWritable() && channel.isActive()) {
                try {
                    writability.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Called on the event loop when the channel's writability changed. */
    void writabilityChanged() {
        synchronized (writability) {
            writability.notifyAll();
        }
    }

    /** Drops what was not flushed (the connection is gone). */
    void discard() {
        if (out != null) {
            out.release();
            out = null;
        }
    }
}
