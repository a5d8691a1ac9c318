package io.driftwatch.bench;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import io.driftwatch.probe.JsonSyntax;
import io.driftwatch.reconcile.ExactJson;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The syntax check of a JSON body no check reads (ProbeRunner.checkSyntax), on the load bench's 5.5 KB
 * body: the exact Jackson path against the {@link JsonSyntax} fast path in front of it. Forked with C1
 * only, as the daemon runs ({@code -XX:TieredStopAtLevel=1}).
 *
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.openjdk.jmh.Main JsonSyntaxBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonSyntaxBenchmark {
    private final byte[] body = LoopbackTarget.FAST_BODY;

    /** What checkSyntax did before the fast path (and still does when the fast path is unsure). */
    @Benchmark
    public boolean jackson() throws IOException {
        try (JsonParser p = ExactJson.mapper().createParser(body)) {
            if (p.nextToken() == null) return true;
            p.skipChildren();
            if (p.nextToken() != null) throw new JsonParseException(p, "Trailing token");
        }
        return true;
    }

    @Benchmark
    public boolean fastPath() {
        if (!JsonSyntax.isCertainlyValid(body)) throw new IllegalStateException("fast path unsure");
        return true;
    }
}
