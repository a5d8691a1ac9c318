package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsAndSizesTest {

    @Test
    void shortFormsAndIso8601() {
        assertThat(Durations.parse("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void otherFormsAreRejected() {
        for (String bad : new String[] {"5", "5 s", "1.5s", "5S", "5sec", "-5s", "1h30m", "P", "PTXS", ""}) {
            assertThat(Durations.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void sizesAreBinaryAndCaseInsensitive() {
        assertThat(ByteSizes.parse("512KB")).isEqualTo(512L * 1024);
        assertThat(ByteSizes.parse("5MB")).isEqualTo(5L * 1024 * 1024);
        assertThat(ByteSizes.parse("5mb")).isEqualTo(5L * 1024 * 1024);
        assertThat(ByteSizes.parse("5 MB")).isEqualTo(5L * 1024 * 1024);
        assertThat(ByteSizes.parse("1GB")).isEqualTo(1024L * 1024 * 1024);
        assertThat(ByteSizes.parse("100")).isEqualTo(100L);
        assertThat(ByteSizes.parse("100B")).isEqualTo(100L);
    }

    @Test
    void badSizesAreRejected() {
        for (String bad : new String[] {"5.5MB", "5TB", "MB", "-1", "999999999999GB", ""}) {
            assertThat(ByteSizes.parse(bad)).as(bad).isNull();
        }
    }
}
