package io.shale.engine.citus;

import java.nio.ByteBuffer;

/**
 * The requests of {@code shard.transfer} (big-endian; byte strings as length i32 · bytes):
 *
 * <pre>
 *   OPEN                                                  → snapshot id i64 · timestamp i64 · log position i64
 *   STABLE                                                → stable timestamp i64 · log position i64
 *   COPY    id · target group i32 · old storage id · new storage id · from key · budget i64
 *                                                         → done u8 · next key · rows i64 · bytes i64
 *   CHANGES id · target group i32 · old storage id · new storage id · after i64 · until i64 (-1: stable now)
 *           · budget i64                                  → done u8 · applied up to i64 · changes i64 · bytes i64
 *   CLOSE   id                                            → (empty)
 *   WRITE   count i32 · (key · value length i32 (-1: delete) · value) × count   → (empty)
 *   LOAD    new storage id i64 · last u8 · count i32 · (key · value) × count       → (empty)
 *   DROP    count i32 · storage id i64 × count            → (empty)
 *   GROUP_CHANGES id · target group i32 · count i32 · (old storage id · new storage id) × count · after i64
 *           · until i64 (-1: stable now)                  → replayed up to i64 · log position i64
 *                                                           · changes i64 · bytes i64
 *   AWAIT_WRITERS wait i64 (ms)                           → done u8 (0: writers still ran when the wait ended)
 * </pre>
 */
final class ShardTransferCodec {
    static final byte OPEN = 1;
    static final byte STABLE = 2;
    static final byte COPY = 3;
    static final byte CHANGES = 4;
    static final byte CLOSE = 5;
    static final byte WRITE = 6;
    static final byte DROP = 7;
    static final byte LOAD = 8;
    static final byte GROUP_CHANGES = 9;
    static final byte AWAIT_WRITERS = 10;

    private ShardTransferCodec() {
    }

    static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }

    static void putBytes(ByteBuffer out, byte[] b) {
        out.putInt(b.length).put(b);
    }
}
