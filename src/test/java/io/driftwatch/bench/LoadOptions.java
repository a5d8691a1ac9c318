package io.driftwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line of {@code bench/run} (see {@link #USAGE}).
 *
 * @param scenarios probe counts, each run at {@code count / interval} runs per second
 * @param modes {@code reused} and/or {@code fresh}
 * @param blackbox {@code auto} (when installed), {@code off}, or {@code require}
 * @param blackboxDriver who scrapes blackbox_exporter: {@code prometheus} (a real Prometheus server),
 *     {@code lean} (a driver in the benchmark's JVM) or {@code auto} (Prometheus when installed)
 * @param daemonLaunch what follows the JVM options to start driftwatch: {@code -jar target/driftwatch.jar}
 *     or {@code -cp <classpath> io.driftwatch.cli.Main}
 */
record LoadOptions(
        List<Integer> scenarios,
        Duration interval,
        Duration warmup,
        Duration duration,
        List<String> modes,
        double slowShare,
        String blackbox,
        String blackboxDriver,
        String javaOpts,
        List<String> daemonLaunch,
        Path out) {

    /**
     * The launcher's default JVM options (DEFAULT_JAVA_OPTS in bin/driftwatch), so the benchmark measures
     * what users run; {@code %ROOT%} is the repository.
     */
    static final String LAUNCHER_JAVA_OPTS = "-XX:+UseParallelGC -Xmx192m -Xss512k -XX:TieredStopAtLevel=1"
            + " -Djdk.nio.maxCachedBufferSize=65536 -Xlog:cds=error -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=%ROOT%/target/driftwatch.jsa";

    static final String USAGE = """
            usage: bench/run [--scenario N[,N...]] [--interval 10s] [--warmup 10s] [--duration 30s]
                             [--modes reused,fresh] [--slow-share 0.1] [--blackbox auto|off|require]
                             [--blackbox-driver prometheus|lean] [--java-opts "..."] [--out DIR] [--smoke]
                             [--no-install]
                   bench/run --target-precision
              --scenario   probes loaded; each fires once per --interval (100, 1000, 10000 => 10, 100, 1000 runs/s)
              --blackbox-driver
                           who scrapes blackbox_exporter: prometheus (a real Prometheus server, the default
                           when installed) or lean (a driver in the benchmark's JVM, the default otherwise)
              --smoke      15 probes every 1 s, 1 s warm-up, 2 s window, blackbox_exporter off
              --no-install do not apt-get install prometheus-blackbox-exporter and prometheus when missing
              --target-precision
                           only measure how precisely the loopback target holds /slow for 200 ms, per mode
            """;

    static LoadOptions parse(String[] args, Path repoRoot) {
        List<Integer> scenarios = new ArrayList<>(List.of(1000));
        Duration interval = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(10);
        Duration duration = Duration.ofSeconds(30);
        List<String> modes = List.of("reused", "fresh");
        double slowShare = 0.1;
        String blackbox = "auto";
        String blackboxDriver = "auto";
        String env = System.getenv("DRIFTWATCH_JAVA_OPTS");
        String javaOpts =
                env == null || env.isBlank() ? LAUNCHER_JAVA_OPTS.replace("%ROOT%", repoRoot.toString()) : env;
        Path out = repoRoot.resolve("target/bench");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> {
                    scenarios = List.of(15);
                    interval = Duration.ofSeconds(1);
                    warmup = Duration.ofSeconds(1);
                    duration = Duration.ofSeconds(2);
                    blackbox = "off";
                }
                case "--scenario" -> {
                    scenarios = new ArrayList<>();
                    for (String s : value(args, ++i, a).split(",")) scenarios.add(Integer.parseInt(s.trim()));
                }
                case "--interval" -> interval = duration(value(args, ++i, a));
                case "--warmup" -> warmup = duration(value(args, ++i, a));
                case "--duration" -> duration = duration(value(args, ++i, a));
                case "--modes" -> modes = List.of(value(args, ++i, a).split(","));
                case "--slow-share" -> slowShare = Double.parseDouble(value(args, ++i, a));
                case "--blackbox" -> blackbox = value(args, ++i, a);
                case "--blackbox-driver" -> blackboxDriver = value(args, ++i, a);
                case "--java-opts" -> javaOpts = value(args, ++i, a);
                case "--out" -> out = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        for (String m : modes) {
            if (!m.equals("reused") && !m.equals("fresh")) throw new IllegalArgumentException("unknown mode " + m);
        }
        if (!List.of("auto", "off", "require").contains(blackbox)) {
            throw new IllegalArgumentException("--blackbox must be auto, off or require");
        }
        if (!List.of("auto", "prometheus", "lean").contains(blackboxDriver)) {
            throw new IllegalArgumentException("--blackbox-driver must be prometheus or lean");
        }
        return new LoadOptions(
                List.copyOf(scenarios),
                interval,
                warmup,
                duration,
                modes,
                slowShare,
                blackbox,
                blackboxDriver,
                javaOpts,
                daemonLaunch(repoRoot),
                out);
    }

    /** The packaged jar when it is there (what bin/driftwatch runs), else this JVM's class path. */
    static List<String> daemonLaunch(Path repoRoot) {
        Path jar = repoRoot.resolve("target/driftwatch.jar");
        return Files.isRegularFile(jar) ? List.of("-jar", jar.toString()) : classpathLaunch();
    }

    private static List<String> classpathLaunch() {
        return List.of("-cp", System.getProperty("java.class.path"), "io.driftwatch.cli.Main");
    }

    /**
     * These options starting the daemon from this JVM's class path instead of the jar, without the class
     * data sharing archive (it belongs to the jar's class path).
     */
    LoadOptions withClasspathLaunch() {
        String opts = javaOpts.replaceAll("-XX:\\+AutoCreateSharedArchive|-XX:SharedArchiveFile=\\S+", "")
                .trim();
        return new LoadOptions(
                scenarios,
                interval,
                warmup,
                duration,
                modes,
                slowShare,
                blackbox,
                blackboxDriver,
                opts,
                classpathLaunch(),
                out);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s"))
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        if (t.endsWith("m")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        throw new IllegalArgumentException("not a duration: " + text + " (use 500ms, 10s, 2m)");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        return args[i];
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
