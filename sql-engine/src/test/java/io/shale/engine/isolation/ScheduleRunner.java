package io.shale.engine.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a {@link Schedule} the way isolationtester does: each session on its own thread, one step at a time; a step
 * that waits for a lock is logged as {@code <waiting ...>} and its outcome is logged when it completes. Returns the
 * log, one line per event.
 */
final class ScheduleRunner {
    /** How long a waiting step must stay waiting after another step before it is taken as still blocked. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(60);
    private static final long STEP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Supplier<StepSession> connect;
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final List<String> log = new ArrayList<>();
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final List<Completion> deferred = new ArrayList<>();

    private ScheduleRunner(Supplier<StepSession> connect) {
        this.connect = connect;
    }

    /** Runs the schedule on sessions made by {@code connect} and returns its log. */
    static String run(Schedule schedule, Supplier<StepSession> connect) {
        ScheduleRunner runner = new ScheduleRunner(connect);
        try {
            runner.execute(schedule);
        } finally {
            runner.closeAll();
        }
        return String.join("\n", runner.log);
    }

    /** A step that finished on a session's thread. */
    private record Completion(String step, String outcome) {
    }

    private void execute(Schedule schedule) {
        try (StepSession setup = connect.get()) {
            for (String sql : schedule.setup()) {
                String outcome = setup.run(sql);
                if (outcome.startsWith("ERROR")) {
                    throw new AssertionError("setup " + sql + " failed: " + outcome);
                }
            }
        }
        schedule.sessionSetup().forEach((name, sql) -> {
            Worker worker = new Worker(name, connect.get());
            workers.put(name, worker);
            for (String statement : sql) {
                worker.submit("setup", statement);
                awaitDone(worker);
            }
        });
        for (String stepName : schedule.permutation()) {
            Schedule.Step step = schedule.steps().get(stepName);
            Worker worker = workers.get(step.session());
            if (worker.running != null) {
                awaitDone(worker);
                settle();
            }
            worker.submit(stepName, step.sql());
            long deadline = System.nanoTime() + STEP_TIMEOUT_NANOS;
            while (worker.running != null && !worker.waitingForLock()) {
                take(deadline, 1, worker);
            }
            if (worker.running != null) {
                log.add("step " + worker.running + ": <waiting ...>");
            }
            recordDeferred();
            settle();
        }
        for (Worker worker : workers.values()) {
            awaitDone(worker);
        }
    }

    /**
     * Gives the steps still running a short while to complete, and then waits until each of them has completed or
     * waits for a lock; logs what completes, in the order it completes.
     */
    private void settle() {
        long deadline = System.nanoTime() + STEP_TIMEOUT_NANOS;
        long windowEnd = System.nanoTime() + SETTLE_NANOS;
        while (true) {
            boolean running = false;
            boolean busy = false;
            for (Worker worker : workers.values()) {
                if (worker.running != null) {
                    running = true;
                    busy |= !worker.waitingForLock();
                }
            }
            if (!running || !busy && System.nanoTime() >= windowEnd) {
                return;
            }
            take(deadline, 5, null);
        }
    }

    /** Waits for the worker's step; what other steps complete meanwhile is logged after it. */
    private void awaitDone(Worker worker) {
        long deadline = System.nanoTime() + STEP_TIMEOUT_NANOS;
        while (worker.running != null) {
            take(deadline, 10, worker);
        }
        recordDeferred();
    }

    private void recordDeferred() {
        List<Completion> others = new ArrayList<>(deferred);
        deferred.clear();
        for (Completion completion : others) {
            record(completion);
        }
    }

    /**
     * Takes the next completion if one arrives within {@code millis} and logs it, or defers it if it is not the
     * awaited worker's; fails once the deadline has passed.
     */
    private void take(long deadline, long millis, Worker awaited) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("a step did not finish in time; log so far:\n" + String.join("\n", log));
        }
        Completion completion;
        try {
            completion = completions.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (completion == null) {
            return;
        }
        if (awaited != null && !completion.step().equals(awaited.running)) {
            deferred.add(completion);
        } else {
            record(completion);
        }
    }

    private void record(Completion completion) {
        for (Worker worker : workers.values()) {
            if (completion.step().equals(worker.running)) {
                boolean waited = worker.loggedWaiting;
                worker.running = null;
                worker.loggedWaiting = false;
                if (!completion.step().equals("setup")) {
                    log.add("step " + completion.step() + ": " + (waited ? "<... completed> " : "")
                            + completion.outcome());
                } else if (completion.outcome().startsWith("ERROR")) {
                    throw new AssertionError("session setup failed: " + completion.outcome());
                }
                return;
            }
        }
    }

    private boolean anyRunning() {
        for (Worker worker : workers.values()) {
            if (worker.running != null) {
                return true;
            }
        }
        return false;
    }

    private void closeAll() {
        for (Worker worker : workers.values()) {
            worker.close();
        }
    }

    /** One session and the thread its steps run on. */
    private final class Worker {
        private final StepSession session;
        private final BlockingQueue<String[]> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private String running;
        private boolean loggedWaiting;

        Worker(String name, StepSession session) {
            this.session = session;
            this.thread = Thread.ofPlatform().daemon().name("isolation-" + name).start(this::loop);
        }

        void submit(String step, String sql) {
            running = step;
            loggedWaiting = false;
            queue.add(new String[] {step, sql});
        }

        boolean waitingForLock() {
            if (session.waitingForLock(thread)) {
                loggedWaiting = true;
                return true;
            }
            return false;
        }

        private void loop() {
            try {
                while (true) {
                    String[] step = queue.take();
                    if (step.length == 0) {
                        return;
                    }
                    String outcome;
                    try {
                        outcome = session.run(step[1]);
                    } catch (RuntimeException | AssertionError e) {
                        outcome = "FAILED " + e;
                    }
                    completions.add(new Completion(step[0], outcome));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            queue.add(new String[0]);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session.close();
        }
    }
}
