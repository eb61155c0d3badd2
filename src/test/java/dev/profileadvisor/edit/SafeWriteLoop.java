package dev.profileadvisor.edit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for {@link SafeWriteFaultsTest}: writes a file over and over with {@link SafeWrite}, as apply writes
 * it, until it is killed. {@code manifest FILE A B} replaces FILE with A, then B, then A…; {@code config FILE A B}
 * creates FILE with A when it is missing and otherwise replaces it, and removes it every third round so that creating
 * is killed as often as replacing. Prints {@code ready} once started and warmed up, then one line per write. {@code once FILE A B}
 * replaces FILE once and exits, with the refusal on stderr and exit code 2 when it is refused.
 */
public final class SafeWriteLoop {
    private SafeWriteLoop() {
    }

    /**
     * @param args mode, file, the file holding text A, the file holding text B
     * @throws Exception when a write fails, which the test then sees as a non-zero exit
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        String a = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        String b = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8);
        if (args[0].equals("once")) { // one replace, its refusal on stderr and exit 2, as apply reports it
            try {
                FileSnapshot now = FileSnapshot.read(file, file.getFileName().toString());
                SafeWrite.replace(now, now.text().equals(a) ? b : a);
                return;
            } catch (dev.profileadvisor.AdvisorException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(2);
            }
        }
        warmUp(a, b);
        System.out.println("ready");
        for (long round = 1; ; round++) {
            if (args[0].equals("config") && !Files.exists(file)) {
                SafeWrite.create(file, "config.toml", a, null);
            } else {
                FileSnapshot now = FileSnapshot.read(file, file.getFileName().toString());
                SafeWrite.replace(now, now.text().equals(a) ? b : a);
                if (args[0].equals("config") && round % 3 == 0) Files.delete(file);
            }
            System.out.println(round);
        }
    }

    /** Two writes elsewhere first, so that a kill after {@code ready} lands in a write rather than in class loading. */
    private static void warmUp(String a, String b) throws Exception {
        Path dir = Files.createTempDirectory("cpa-warm-up");
        Path f = Files.writeString(dir.resolve("Cargo.toml"), a);
        SafeWrite.replace(FileSnapshot.read(f, "Cargo.toml"), b);
        SafeWrite.replace(FileSnapshot.read(f, "Cargo.toml"), a);
        SafeWrite.create(dir.resolve("config.toml"), "config.toml", a, null);
        Files.delete(dir.resolve("config.toml"));
        Files.delete(f);
        Files.delete(dir);
    }
}
