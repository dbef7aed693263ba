package io.eventmq.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import io.eventmq.protocol.WireJson;
import tools.jackson.core.type.TypeReference;

/** The sessions recorded from the Python reference, in {@code shared/vectors} beside the project. */
public final class Vectors {

    public static final String JOBMANAGER_SESSION = "python-eventmq-0.3.13-jobmanager-session.json";
    public static final String ROUTER_SESSION = "python-eventmq-0.3.13-router-session.json";

    /**
     * One recorded message.
     *
     * @param dir    {@code to-router}, {@code from-router}, {@code to-jobmanager} or {@code from-jobmanager}
     * @param peer   in the router session, which peer's socket: worker, client, scheduler, admin, worker2
     * @param t      in the job manager session, seconds since the recording began
     * @param frames the frames as sent or received; in the job manager session the first is the identity
     */
    public record Entry(String dir, String peer, Double t, List<String> frames) {
    }

    private Vectors() {
    }

    public static List<Entry> load(String name) {
        try {
            return WireJson.MAPPER.readValue(directory().resolve(name).toFile(), new TypeReference<>() { });
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read vector " + name, e);
        }
    }

    /** {@code shared/vectors}, found from the working directory upwards (Surefire runs in the module). */
    public static Path directory() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no shared/vectors above " + Paths.get("").toAbsolutePath());
    }
}
