package io.driftwatch.benchsmoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.bench.LoadBenchHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark measures the daemon as users run it: with bin/driftwatch's default JVM options. */
class LauncherOptionsTest {
    @Test
    void benchmarkStartsTheDaemonWithTheLaunchersDefaultOptions() throws Exception {
        String launcher = Files.readString(Path.of("bin/driftwatch"));
        Matcher m = Pattern.compile("(?m)^DEFAULT_JAVA_OPTS=\"([^\"]*)\"$").matcher(launcher);
        assertThat(m.find()).as("DEFAULT_JAVA_OPTS in bin/driftwatch").isTrue();

        assertThat(LoadBenchHarness.launcherJavaOpts()).isEqualTo(m.group(1).replace("$ROOT", "%ROOT%"));
    }
}
