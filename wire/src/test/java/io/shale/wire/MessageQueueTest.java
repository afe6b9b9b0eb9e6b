package io.shale.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class MessageQueueTest {

    @Test
    void readingPausesWhenTheWorkerFallsBehindAndResumesWhenItCatchesUp() throws Exception {
        List<Boolean> switches = new ArrayList<>();
        MessageQueue queue = new MessageQueue(switches::add);
        for (int i = 0; i < MessageQueue.HIGH_WATER + 10; i++) {
            queue.add(new FrontendMessage.Sync());
        }
        assertThat(switches).containsExactly(false);
        while (!queue.isEmpty()) {
            queue.take();
        }
        assertThat(switches).containsExactly(false, true);
    }

    @Test
    void disconnectedStaysAtTheHead() throws Exception {
        MessageQueue queue = new MessageQueue(autoRead -> { });
        queue.add(new FrontendMessage.Flush());
        queue.add(new FrontendMessage.Disconnected());
        assertThat(queue.take()).isInstanceOf(FrontendMessage.Flush.class);
        assertThat(queue.take()).isInstanceOf(FrontendMessage.Disconnected.class);
        assertThat(queue.take()).isInstanceOf(FrontendMessage.Disconnected.class);
    }
}
