package io.eventmq.benchmarks;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How long and how much to measure, from the command line.
 *
 * @param warmup          unmeasured run before each measured one
 * @param measurement     each measured run, at most (it also stops at {@code maxJobs})
 * @param maxJobs         jobs per run, at most
 * @param waitingRequests REQUESTs buffered for the router's retained heap
 * @param outputDirectory where {@code benchmarks.json} and {@code benchmarks.csv} go
 * @param only            the scenarios to run, by their label, and the memory figures when it matches
 *                        {@code memory}; everything when {@code null}
 */
record Settings(Duration warmup, Duration measurement, int maxJobs, int waitingRequests, Path outputDirectory,
                Pattern only) {

    static final String USAGE = """
            usage: java -jar eventmq-benchmarks.jar [--warmup-ms N] [--measure-ms N] [--max-jobs N]
                                                    [--waiting N] [--out DIR] [--only REGEX]
              --warmup-ms   unmeasured run before each scenario        (default 1500)
              --measure-ms  measured run per scenario, at most         (default 4000)
              --max-jobs    jobs per run, at most                      (default 500000)
              --waiting     REQUESTs buffered for the retained heap    (default 100000)
              --out         directory for benchmarks.json and .csv     (default: the jar's directory)
              --only        only the scenarios whose label matches, e.g. 'window 1$',
                            and the memory figures if it matches 'memory'
            """;

    static Settings parse(String[] args) {
        Duration warmup = Duration.ofMillis(1500);
        Duration measurement = Duration.ofMillis(4000);
        int maxJobs = 500_000;
        int waiting = 100_000;
        Path out = jarDirectory();
        Pattern only = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--warmup-ms" -> warmup = Duration.ofMillis(positive(args[i], value));
                case "--measure-ms" -> measurement = Duration.ofMillis(positive(args[i], value));
                case "--max-jobs" -> maxJobs = positive(args[i], value);
                case "--waiting" -> waiting = positive(args[i], value);
                case "--out" -> out = Path.of(value);
                case "--only" -> only = Pattern.compile(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new Settings(warmup, measurement, maxJobs, waiting, out, only);
    }

    /** Whether to measure the memory figures. */
    boolean memory() {
        return only == null || only.matcher("memory").find();
    }

    /** The standard scenarios {@code --only} selects. */
    List<Scenario> scenarios() {
        return Scenario.standard().stream().filter(scenario -> only == null || only.matcher(scenario.label()).find())
                .toList();
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number above 0, was " + value, e);
        }
        throw new IllegalArgumentException(option + " needs a whole number above 0, was " + value);
    }

    /** eventmq-benchmarks/target when run from the built jar, else the working directory. */
    private static Path jarDirectory() {
        try {
            Path location = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : Path.of(".");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(".");
        }
    }
}
