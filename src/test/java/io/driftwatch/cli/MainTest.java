package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public commands of DESIGN.md are all registered, each with --help, and usage errors exit 2. */
class MainTest {
    @Test
    void everyPublicCommandIsRegisteredWithHelp() {
        var cl = Main.commandLine();
        assertThat(cl.getSubcommands().keySet()).contains("run", "check", "validate", "baseline", "sandbox", "alerts");
        for (String command : new String[] {"run", "check", "validate", "sandbox"}) {
            var out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            assertThat(cl.execute(command, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: driftwatch " + command);
        }
    }

    @Test
    void unknownOptionExitsTwo() {
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("check", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void theDaemonGetsATreeOfRunAloneThatParsesAndExitsAsTheFullOne() {
        var cl = Main.commandLineFor(new String[] {"run", "--help"});
        assertThat(cl.getSubcommands().keySet()).containsExactly("run");
        var out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("run", "--help")).isZero();
        var full = new StringWriter();
        Main.commandLine().setOut(new PrintWriter(full)).execute("run", "--help");
        assertThat(out.toString()).startsWith("Usage: driftwatch run").isEqualTo(full.toString());

        var runOnly = Main.commandLineFor(new String[] {"run", "--port", "x"});
        runOnly.setErr(new PrintWriter(new StringWriter()));
        assertThat(runOnly.execute("run", "--port", "x")).isEqualTo(2);
    }

    @Test
    void everyOtherCommandLineGetsTheFullTree() {
        assertThat(Main.commandLineFor(new String[] {}).getSubcommands()).containsKeys("run", "check", "alerts");
        assertThat(Main.commandLineFor(new String[] {"check", "--help"}).getSubcommands())
                .containsKeys("run", "check", "alerts");
        assertThat(Main.commandLineFor(new String[] {"--version"}).getSubcommands())
                .containsKeys("run", "check", "alerts");
    }

    @Test
    void aDaemonThatCannotStartExitsTwoInBothTrees(@TempDir Path dir) throws Exception {
        for (String folder : new String[] {"probes", "baselines", "alerting"}) {
            Files.createDirectories(dir.resolve(folder));
        }
        String[] args = {
            "run",
            "--port=0",
            "--probes=" + dir.resolve("probes"),
            "--baselines=" + dir.resolve("baselines"),
            "--alerting=" + dir.resolve("alerting"),
            "--data=" + dir.resolve("data"),
            "--store=jdbc:postgresql://127.0.0.1:1/driftwatch"
        };
        for (var cl : List.of(Main.commandLineFor(args), Main.commandLine())) {
            var err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            assertThat(cl.execute(args)).as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).contains("cannot open store at jdbc:postgresql://127.0.0.1:1/driftwatch");
        }
    }
}
