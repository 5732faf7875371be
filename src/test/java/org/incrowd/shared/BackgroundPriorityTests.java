package org.incrowd.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.Executors;
import org.incrowd.support.ThreadNice;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTests {

    @Test
    void aBackgroundThreadRunsAtTheLowestPriorityAndTheThreadThatMadeItKeepsItsOwn() throws Exception {
        assumeTrue(ThreadNice.readable(), "Linux only");
        assertThat(BackgroundPriority.available()).isTrue();
        int before = ThreadNice.ofThisThread();
        assumeTrue(before < BackgroundPriority.NICE, "the tests themselves run at the lowest priority");

        int background;
        try (var pool = Executors.newSingleThreadExecutor(BackgroundPriority.threads("background-test-"))) {
            background = pool.submit(ThreadNice::ofThisThread).get();
        }

        assertThat(background).isEqualTo(BackgroundPriority.NICE);
        assertThat(ThreadNice.ofThisThread()).isEqualTo(before).isLessThan(BackgroundPriority.NICE);
    }
}
