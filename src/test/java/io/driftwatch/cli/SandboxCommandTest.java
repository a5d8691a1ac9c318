package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.sandbox.Sandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private SandboxCommand parse(String... args) {
        var command = new SandboxCommand();
        var cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.parseArgs(args);
        return command;
    }

    @Test
    void startsWithScenariosAndWritesCredentialsToAnOwnerOnlyEnvFile() throws Exception {
        SandboxCommand command = parse(
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--scenario",
                "totals-off:vendor=quickbooks",
                "--scenario",
                "hang:millis=5");
        try (Sandbox sandbox = command.start()) {
            assertThat(sandbox.activeScenarios()).extracting(s -> s.name()).containsExactly("totals-off", "hang");
            Path env = dir.resolve("sandbox.env");
            String text = Files.readString(env);
            assertThat(text)
                    .contains("QBO_REFRESH_TOKEN=" + sandbox.credentials().qboInitialRefreshToken());
            assertThat(text).contains("SF_PRIVATE_KEY_FILE=" + dir.resolve("salesforce-private.pem"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
                    .isEqualTo("rw-------");
            assertThat(out.toString())
                    .startsWith("driftwatch sandbox listening on " + sandbox.baseUri())
                    .contains("Demo credentials: " + env)
                    .doesNotContain(sandbox.credentials().qboClientSecret())
                    .doesNotContain(sandbox.credentials().qboInitialRefreshToken())
                    .doesNotContain(sandbox.credentials().smartyAuthToken());
        }
    }

    @Test
    void aBadScenarioIsReportedAndNothingStarts() throws Exception {
        SandboxCommand command = parse("--port", "0", "--data-dir", dir.toString(), "--scenario", "earthquake");
        assertThat(command.start()).isNull();
        assertThat(err.toString())
                .startsWith("--scenario earthquake: unknown scenario: earthquake (known: added-latency,");
        assertThat(dir.resolve("sandbox.env")).doesNotExist();
    }

    @Test
    void defaultsArePort8089AndDataSandbox() {
        SandboxCommand command = parse();
        assertThat(command.port).isEqualTo(8089);
        assertThat(command.dataDir).isEqualTo(Path.of("data/sandbox"));
    }
}
