package io.shale.storage.lsm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The store's background thread: every tick (10 ms) it makes asynchronous commits durable and
 * runs the store's due maintenance ({@link StoreMaintenance}). Stopped by the store's close.
 */
final class StoreWorker implements Runnable {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final StoreMaintenance maintenance;
    private final Thread thread;
    private volatile boolean stopping;

    private StoreWorker(StoreMaintenance maintenance, String name) {
        this.maintenance = maintenance;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
    }

    static StoreWorker start(StoreMaintenance maintenance, String name) {
        StoreWorker worker = new StoreWorker(maintenance, name);
        worker.thread.start();
        return worker;
    }

    @Override
    public void run() {
        while (!stopping) {
            LockSupport.parkNanos(this, TICK_NANOS);
            if (!stopping) {
                maintenance.tick();
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
