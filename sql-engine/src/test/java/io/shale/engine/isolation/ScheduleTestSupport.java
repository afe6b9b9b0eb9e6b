package io.shale.engine.isolation;

import io.shale.engine.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh engine per test and a runner of schedules on its sessions. */
abstract class ScheduleTestSupport {
    private EngineFixture fixture;

    @BeforeEach
    void openEngine() {
        fixture = new EngineFixture();
    }

    @AfterEach
    void closeEngine() {
        fixture.close();
    }

    String run(Schedule schedule) {
        return ScheduleRunner.run(schedule, () -> new ShaleStepSession(fixture.session()));
    }
}
