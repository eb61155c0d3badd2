package dev.profileadvisor.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/**
 * A program on a real terminal: a tmux server of its own ({@code -L}, no user configuration), one pane that stays
 * after the program ends so its last screen and exit status can be read. Every wait is bounded.
 */
final class Tmux implements AutoCloseable {
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(90); // a JVM start on a busy 2-core machine

    private final String socket = "cpa-guide-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();

    private Tmux() {
    }

    private Path status;
    private Path sockets;

    /**
     * @param dir     the working directory
     * @param command the shell command to run in the pane
     * @param work    a directory for the server's configuration, the pane's script and the command's exit status
     * @return the server, its pane running the command
     */
    static Tmux start(Path dir, String command, Path work) throws IOException, InterruptedException {
        String tmux = "/usr/bin/tmux";
        if (!Files.isExecutable(Path.of(tmux))) {
            fail("tmux is needed to test the guide on a terminal and " + tmux + " is missing: `bash .ci/run` installs it (apt-get install tmux)");
        }
        Files.createDirectories(work);
        Path config = Files.writeString(work.resolve("tmux.conf"), "set -g remain-on-exit on\nset -g history-limit 20000\n");
        Tmux t = new Tmux();
        t.status = work.resolve("status");
        t.sockets = Files.createDirectories(work.resolve("sockets")); // TMUX_TMPDIR: the socket goes with the test's files
        // the exit status is written by a shell, not read from tmux: tmux 3.3 does not always reap a pane's process (it
        // stays a zombie, with no status). `trap true INT` keeps the shell through a Ctrl-C meant for the program,
        // which starts with the default disposition (a trap with a command is not inherited)
        Path script = Files.writeString(work.resolve("pane.sh"), "trap true INT\n" + command + "\necho $? > "
                + ApplyCommandLine.quote(t.status.toString()) + "\n");
        t.run("-f", config.toString(), "new-session", "-d", "-s", "guide", "-x", "220", "-y", "50", "-c", dir.toString(),
                "sh " + ApplyCommandLine.quote(script.toString()));
        return t;
    }

    /** Types the text as it is (no key names). */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", "guide:0", "-l", text);
    }

    /** Presses keys by tmux name: {@code Enter}, {@code Tab}, {@code C-d}. */
    void press(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "guide:0"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** @return the whole pane, its history included, wrapped lines joined */
    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-J", "-S", "-", "-t", "guide:0");
    }

    /**
     * Waits until the pane shows what is expected.
     *
     * @param what    what is awaited, for the failure message
     * @param shows   true once the screen has it
     * @return the screen then
     */
    String await(String what, Predicate<String> shows) throws IOException, InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        String s = screen();
        while (!shows.test(s)) {
            if (System.nanoTime() > end) fail("the terminal did not show " + what + " within " + WAIT.toSeconds() + " s; it shows:\n" + s);
            Thread.sleep(200);
            s = screen();
        }
        return s;
    }

    /** Waits until the program has ended and returns its exit status. */
    int awaitExit() throws IOException, InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(status) || Files.readString(status).isBlank()) {
            if (System.nanoTime() > end) fail("the program did not exit within " + WAIT.toSeconds() + " s; the terminal shows:\n" + screen());
            Thread.sleep(200);
        }
        return Integer.parseInt(Files.readString(status).strip());
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/tmux", "-L", socket));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().put("TMUX_TMPDIR", sockets.toString());
        b.environment().remove("TMUX");
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tmux " + String.join(" ", args) + " did not return within 20 s");
        }
        if (p.exitValue() != 0) fail("tmux " + String.join(" ", args) + " failed (" + p.exitValue() + "): " + out);
        return out;
    }

    /** Stops the server and whatever still runs in it. */
    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder("/usr/bin/tmux", "-L", socket, "kill-server").redirectErrorStream(true);
        b.environment().put("TMUX_TMPDIR", sockets.toString());
        Process p = b.start();
        p.getInputStream().readAllBytes();
        p.waitFor(20, TimeUnit.SECONDS);
    }
}
