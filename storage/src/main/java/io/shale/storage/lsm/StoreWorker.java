package io.shale.storage.lsm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The store's background thread: every tick (10 ms) it makes asynchronous commits durable and
 * runs the store's due maintenance. Started by {@link LsmKeyValueStore#open}, stopped by close.
 */
final class StoreWorker implements Runnable {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LsmKeyValueStore store;
    private final Thread thread;
    private volatile boolean stopping;

    private StoreWorker(LsmKeyValueStore store, String name) {
        this.store = store;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
    }

    static StoreWorker start(LsmKeyValueStore store, String name) {
        StoreWorker worker = new StoreWorker(store, name);
        worker.thread.start();
        return worker;
    }

    @Override
    public void run() {
        while (!stopping) {
            LockSupport.parkNanos(this, TICK_NANOS);
            if (!stopping) {
                store.tick();
            }
        }
    }

    /** Wakes the thread for work now rather than at the next tick. */
    void wake() {
        LockSupport.unpark(thread);
    }

    void stop() {
        stopping = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
