package io.driftwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void defaultsKeepFourteenDaysAndAThousandRunsPerProbe() {
        assertThat(Retention.defaults()).isEqualTo(new Retention(Duration.ofDays(14), 1000));
        assertThat(Retention.defaults().capsRunsPerProbe()).isTrue();
        assertThat(Retention.maxAge(Duration.ofHours(1)).capsRunsPerProbe()).isFalse();
    }

    @Test
    void rejectsNonsenseWithExactMessages() {
        assertThatThrownBy(() -> new Retention(Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention maxAge must be positive, got PT0S");
        assertThatThrownBy(() -> new Retention(null, 10)).hasMessage("retention maxAge must be positive, got null");
        assertThatThrownBy(() -> new Retention(Duration.ofDays(1), -1))
                .hasMessage("retention maxRunsPerProbe must be 0 (no cap) or more, got -1");
    }
}
