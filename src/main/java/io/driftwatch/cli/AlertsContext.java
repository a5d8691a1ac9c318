package io.driftwatch.cli;

import io.driftwatch.channel.ChannelDependencies;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the {@code alerts} commands need from the application: where {@code alerting/} is, the
 * environment for {@code ${NAME}} substitution, the store (opened only by the commands that need it)
 * and the clock. The lead builds one from the store's {@code Database}.
 */
public interface AlertsContext {
    Path alertingDir();

    Map<String, String> env();

    /** The migrated store; called at most once per command, and only by list, outbox and retry. */
    DataSource dataSource();

    Clock clock();

    default ChannelDependencies channelDependencies() {
        return ChannelDependencies.standard(clock());
    }

    static AlertsContext of(Path alertingDir, Map<String, String> env, Supplier<DataSource> dataSource, Clock clock) {
        return new AlertsContext() {
            @Override
            public Path alertingDir() {
                return alertingDir;
            }

            @Override
            public Map<String, String> env() {
                return env;
            }

            @Override
            public DataSource dataSource() {
                return dataSource.get();
            }

            @Override
            public Clock clock() {
                return clock;
            }
        };
    }
}
