package io.driftwatch.cli;

import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.LoadedConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Loads every configuration file and reports every problem as file:line:col: message. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check every file under probes/, baselines/ and alerting/; exit 0 when valid, 2 otherwise.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded = new ConfigLoader().load(common.probes, CommonOptions.env());
        List<ConfigProblem> problems = new ArrayList<>(loaded.problems());
        problems.addAll(ExtraValidation.problems(common));
        problems.sort(null);
        problems.forEach(p -> err.println(p));
        err.flush();
        if (!problems.isEmpty()) {
            err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
            err.flush();
            return Main.BAD_CONFIG;
        }
        out.println("ok: " + loaded.probes().size() + " probes, "
                + loaded.connections().size() + " connections");
        out.flush();
        return Main.OK;
    }
}
