package io.driftwatch.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code driftwatch baseline record|diff|accept}: learn, compare and promote baselines. Exit codes: 0
 * done / no drift, 1 drift found or the probe failed, 2 configuration error (unknown probe, unusable
 * baseline, bad arguments).
 *
 * <p>Wiring: {@code root.addSubcommand(BaselineCommand.commandLine(tools))}.
 */
@Command(
        name = "baseline",
        description = "Learn (record), compare (diff) and promote (accept) response baselines.",
        mixinStandardHelpOptions = true)
public final class BaselineCommand implements Runnable {
    public static final int OK = 0;
    public static final int DRIFT = 1;
    public static final int CONFIG_ERROR = 2;

    @Spec
    CommandSpec spec;

    /** The {@code baseline} command with its three subcommands, bound to {@code tools}. */
    public static CommandLine commandLine(BaselineTools tools) {
        CommandLine line = new CommandLine(new BaselineCommand());
        line.addSubcommand("record", new BaselineRecordCommand(tools));
        line.addSubcommand("diff", new BaselineDiffCommand(tools));
        line.addSubcommand("accept", new BaselineAcceptCommand(tools));
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: record, diff or accept");
    }

    /** Durations as probe files write them: {@code 500ms}, {@code 2s}, {@code 1m}, or ISO-8601 {@code PT2S}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                if (v.endsWith("m")) return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                return Duration.parse(value.trim());
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration (examples: 500ms, 2s, 1m)");
            }
        }
    }
}
