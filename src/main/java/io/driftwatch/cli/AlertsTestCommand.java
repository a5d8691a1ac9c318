package io.driftwatch.cli;

import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.alert.config.AlertingLoader;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.AlertMessage.Event;
import io.driftwatch.channel.Channel;
import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.channel.ChannelSpec;
import io.driftwatch.channel.DeliveryException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code alerts test CHANNEL}: sends one test notification directly (not through the outbox). Exit 0 sent, 1 not sent, 2 bad config. */
@Command(name = "test", description = "Send a test notification through one channel.", mixinStandardHelpOptions = true)
public final class AlertsTestCommand implements Callable<Integer> {
    @ParentCommand
    AlertsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CHANNEL", description = "A channel name from alerting/.")
    String channelName;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AlertsContext ctx = parent.context;
        ChannelRegistry registry = ChannelRegistry.standard();
        var result = new AlertingLoader(registry).loadDirectory(ctx.alertingDir(), ctx.env());
        if (!result.ok()) {
            result.problems().forEach(err::println);
            return 2;
        }
        AlertingConfig config = result.config();
        Optional<ChannelSpec> channelSpec = config.channel(channelName);
        if (channelSpec.isEmpty()) {
            err.println("unknown channel '" + channelName + "' (configured: " + String.join(", ", config.channelNames())
                    + ")");
            return 1;
        }
        Channel channel = registry.create(channelSpec.get(), ctx.channelDependencies());
        try {
            channel.send(message(channelName, config, ctx.clock().instant()));
        } catch (DeliveryException e) {
            err.println("test notification through channel '" + channelName + "' failed: " + e.getMessage());
            return 1;
        }
        out.println("sent a test notification through channel '" + channelName + "' (" + channel.type() + ")");
        return 0;
    }

    static AlertMessage message(String channel, AlertingConfig config, Instant now) {
        String key = "test/" + channel + "/" + now.toEpochMilli();
        return new AlertMessage(
                key,
                key,
                "test/" + channel,
                Event.TEST,
                "info",
                "[TEST] driftwatch test notification",
                "A test notification through channel '" + channel
                        + "'. If you can read this, the channel works; no action is needed.",
                null,
                null,
                "test",
                null,
                0,
                now,
                List.of(),
                Map.of(),
                List.of(new AlertMessage.Link("driftwatch", config.publicUrl())));
    }
}
