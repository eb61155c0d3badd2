package dev.profileadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue (issue 19, section 3): every case of {@code src/test/resources/bad-inputs/index.toml} (the
 * format is described at its top) is run as a user runs the program, in its own JVM with the launcher's flags and
 * its 256 MB heap ({@code -Xmx256m}), in a scratch directory, several at a time; every {@code [[request]]} goes to one
 * {@code serve --port 0} process started the same way. Each must give its exit code (its HTTP status and error code),
 * the message, no stack trace, and use under 10 s of CPU ({@code /usr/bin/time}; wall time is no measure on a shared
 * machine, but a case still running after {@link #WALL_LIMIT} is killed and fails).
 *
 * <p>The JVMs run the classes of this build packed into a jar with the runtime dependencies, so that the compiled rules
 * can be cached between runs as the launcher caches them ({@code -Dcpa.rules.cache}); a {@code warm-up} run fills that
 * cache first (an AppCDS archive as the launcher records it would save another 15 %, but this JDK 17 crashes dumping
 * one now and then, and the launcher then goes without, as here). The CPU time, peak RSS and outcome of each case go to
 * {@code target/bad-inputs-report.md}. {@code -Dcpa.bad-inputs=pending} replays {@code bad-inputs/pending/} instead:
 * the cases that fail today because of an open bug; {@code -Dcpa.bad-inputs.only=ID,ID} runs only those cases.
 */
class BadInputCatalogTest {
    static final Duration WALL_LIMIT = Duration.ofSeconds(120);
    static final double CPU_LIMIT_SECONDS = 10;
    static final Set<String> KINDS = Set.of("audit", "apply", "recommend", "serve", "measure");
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$/<>]+\\(|Exception in thread");
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final int READ_LIMIT = 8 << 20;

    @TempDir
    Path tmp;

    List<String> jvm;
    Path catalogue;

    record Outcome(String id, String kind, String verdict, int exit, Optional<Double> cpu, Optional<Long> rssKb, double wall,
                   List<String> problems) {
    }

    @Test
    void everyBadInputGivesItsExitCodeAndMessageWithoutAStackTraceInBoundedTimeAndMemory() throws Exception {
        boolean pending = "pending".equals(System.getProperty("cpa.bad-inputs"));
        catalogue = resource("bad-inputs" + (pending ? "/pending" : "") + "/index.toml");
        TomlParseResult index = Toml.parse(catalogue.resolve("index.toml"));
        assertThat(index.errors()).as("index.toml parses").isEmpty();
        List<TomlTable> cases = tables(index, "case");
        List<TomlTable> requests = tables(index, "request");
        checkIds(cases, requests);
        if (!pending) assertThat(cases.size() + requests.size()).as("catalogue size").isGreaterThanOrEqualTo(80);
        String only = System.getProperty("cpa.bad-inputs.only", "");
        if (!only.isBlank()) { // -Dcpa.bad-inputs.only=ID,ID: these cases alone, while working on them
            Set<String> ids = Set.of(only.split(","));
            cases = cases.stream().filter(c -> ids.contains(c.getString("id"))).toList();
            requests = requests.stream().filter(r -> ids.contains(r.getString("id"))).toList();
        }

        jvm = prepareJvm();
        long started = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (TomlTable c : cases) futures.add(pool.submit(() -> runCase(c)));
            if (!requests.isEmpty()) outcomes.addAll(runRequests(requests));
            for (Future<Outcome> f : futures) outcomes.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(outcomes, seconds, pending);

        List<String> failures = outcomes.stream().filter(o -> !o.problems().isEmpty())
                .map(o -> o.id() + ": " + String.join("; ", o.problems())).toList();
        assertThat(failures).as("cases that fail (report: target/bad-inputs-report.md)").isEmpty();
    }

    /** One case in its own JVM and scratch directory. */
    Outcome runCase(TomlTable c) {
        String id = c.getString("id");
        String kind = c.getString("kind");
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(c.getBoolean("unless-root")) && "root".equals(System.getProperty("user.name"))) {
            return new Outcome(id, kind, "skipped (root ignores permissions)", -1, Optional.empty(), Optional.empty(), 0, problems);
        }
        Path dir = tmp.resolve("cases").resolve(id);
        try {
            Files.createDirectories(dir);
            Optional<byte[]> manifest = prepare(c, dir);
            Path manifestPath = dir.resolve("Cargo.toml");
            List<String> args = new ArrayList<>();
            for (Object a : list(c, "args")) args.add(a.toString().replace("{dir}", dir.toString()));
            Map<String, String> env = new TreeMap<>();
            TomlTable vars = c.getTable("env");
            if (vars != null) for (String k : vars.keySet()) env.put(k, vars.getString(List.of(k)));
            Run r = run(dir, args, env);
            if (r.timedOut()) problems.add("still running after " + WALL_LIMIT.toSeconds() + " s: killed");
            long expected = c.getLong("exit");
            if (r.exit() != expected) problems.add("exit " + r.exit() + ", expected " + expected + shown(r));
            String message = c.getString("message");
            if (message != null && !r.output().contains(message)) problems.add("no `" + message + "` in the output" + shown(r));
            String absent = c.getString("absent");
            if (absent != null && r.output().contains(absent)) problems.add("the output contains `" + printable(absent) + "`");
            if (STACK_TRACE.matcher(r.output()).find()) problems.add("a stack trace" + shown(r));
            r.cpu().filter(s -> s >= CPU_LIMIT_SECONDS).ifPresent(s -> problems.add(String.format("%.1f s of CPU", s)));
            if (Boolean.TRUE.equals(c.getBoolean("unchanged")) && manifest.isPresent()
                    && !Arrays.equals(manifest.get(), readIfFile(manifestPath))) {
                problems.add("the manifest changed");
            }
            return new Outcome(id, kind, problems.isEmpty() ? "ok" : "FAILED", r.exit(), r.cpu(), r.rssKb(), r.wall(), problems);
        } catch (IOException | RuntimeException e) {
            problems.add("the test could not run it: " + e);
            return new Outcome(id, kind, "FAILED", -1, Optional.empty(), Optional.empty(), 0, problems);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
            return new Outcome(id, kind, "FAILED", -1, Optional.empty(), Optional.empty(), 0, problems);
        }
    }

    /** Writes the case's files into {@code dir}; returns the manifest's bytes when it has one. */
    Optional<byte[]> prepare(TomlTable c, Path dir) throws IOException, InterruptedException {
        Path manifest = dir.resolve("Cargo.toml");
        byte[] bytes = null;
        if (c.getString("manifest") != null) bytes = Files.readAllBytes(catalogue.resolve(c.getString("manifest")));
        if (c.getTable("generate") != null) bytes = generate(c.getTable("generate")).getBytes(StandardCharsets.UTF_8);
        if (c.getString("config") != null) {
            Files.createDirectories(dir.resolve(".cargo"));
            Files.copy(catalogue.resolve(c.getString("config")), dir.resolve(".cargo/config.toml"));
        }
        String setup = c.getString("setup");
        if (setup == null) {
            if (bytes != null) Files.write(manifest, bytes);
            return Optional.ofNullable(bytes);
        }
        byte[] pkg = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n".getBytes(StandardCharsets.UTF_8);
        switch (setup) {
            case "manifest-dir" -> Files.createDirectories(manifest);
            case "fifo" -> assertThat(new ProcessBuilder("mkfifo", manifest.toString()).start().waitFor()).isZero();
            case "dev-zero" -> Files.createSymbolicLink(manifest, Path.of("/dev/zero"));
            case "dangling-symlink" -> Files.createSymbolicLink(manifest, dir.resolve("missing.toml"));
            case "symlink-loop" -> {
                Files.createSymbolicLink(manifest, dir.resolve("loop.toml"));
                Files.createSymbolicLink(dir.resolve("loop.toml"), manifest);
            }
            case "mode-000" -> {
                Files.write(manifest, bytes);
                Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("---------"));
            }
            case "dir-mode-000" -> {
                Path locked = Files.createDirectories(dir.resolve("locked"));
                Files.write(locked.resolve("Cargo.toml"), bytes);
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
            }
            case "config-dir" -> {
                Files.write(manifest, bytes);
                Files.createDirectories(dir.resolve(".cargo/config.toml"));
            }
            case "tree" -> {
                Files.write(manifest, bytes);
                long n = c.getLong("tree");
                for (int i = 0; i < n; i++) {
                    Path crate = Files.createDirectories(dir.resolve("crates/c" + i + "/src"));
                    Files.writeString(crate.getParent().resolve("Cargo.toml"), "[package]\nname = \"c" + i + "\"\nversion = \"0.1.0\"\n");
                    Files.writeString(crate.resolve("lib.rs"), "");
                }
            }
            case "rustfmt" -> {
                Files.write(manifest, pkg);
                Files.writeString(dir.resolve("rustfmt.toml"), "max_width = 100\n");
                bytes = pkg;
            }
            case "empty-subdir" -> {
                Files.write(manifest, pkg);
                Files.createDirectories(dir.resolve("sub"));
                bytes = pkg;
            }
            default -> throw new IllegalArgumentException("unknown setup `" + setup + "` in " + c.getString("id"));
        }
        return Optional.ofNullable(bytes);
    }

    /** head, repeat × times ({i}, {next} substituted), middle, close × times, tail. */
    static String generate(TomlTable g) {
        String repeat = g.getString("repeat");
        String close = Optional.ofNullable(g.getString("close")).orElse("");
        long times = g.getLong("times");
        StringBuilder out = new StringBuilder(Optional.ofNullable(g.getString("head")).orElse(""));
        boolean numbered = repeat.contains("{i}") || repeat.contains("{next}");
        for (long i = 0; i < times; i++) {
            out.append(numbered ? repeat.replace("{i}", Long.toString(i)).replace("{next}", Long.toString(i + 1)) : repeat);
        }
        out.append(Optional.ofNullable(g.getString("middle")).orElse(""));
        out.append(close.repeat((int) times));
        return out.append(Optional.ofNullable(g.getString("tail")).orElse("")).toString();
    }

    record Run(int exit, String output, Optional<Double> cpu, Optional<Long> rssKb, double wall, boolean timedOut) {
    }

    /** The program in its own JVM, in {@code dir}, with a minimal environment; stdout and stderr to files. */
    Run run(Path dir, List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        Path io = Files.createDirectories(tmp.resolve("io").resolve(dir.getFileName().toString()));
        Path time = io.resolve("time");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) cmd.addAll(List.of(TIME.toString(), "-q", "-f", "%U %S %M", "-o", time.toString()));
        cmd.addAll(jvm);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(io.resolve("out").toFile()).redirectError(io.resolve("err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "LANG", "C.UTF-8"));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(WALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String output = read(io.resolve("out")) + read(io.resolve("err"));
        Optional<Double> cpu = Optional.empty();
        Optional<Long> rss = Optional.empty();
        if (timed && Files.isRegularFile(time)) {
            String[] f = Files.readString(time).trim().split("\\s+");
            if (f.length == 3) {
                cpu = Optional.of(Double.parseDouble(f[0]) + Double.parseDouble(f[1]));
                rss = Optional.of(Long.parseLong(f[2]));
            }
        }
        return new Run(p.exitValue(), output, cpu, rss, wall, !done);
    }

    /** Every request of the catalogue against one server process, which must still answer {@code /health} afterwards. */
    List<Outcome> runRequests(List<TomlTable> requests) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("serve"));
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("serve", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "LANG", "C.UTF-8"));
        Process server = pb.start();
        List<Outcome> out = new ArrayList<>();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = stdout.readLine();
            assertThat(first).as("the server's first line").isNotNull().contains("serving on http://127.0.0.1:");
            URI base = URI.create(first.replaceFirst(".*serving on (http://\\S+?)/? .*", "$1"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            ObjectMapper json = new ObjectMapper();
            for (TomlTable r : requests) out.add(request(http, json, base, r));
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> problems = new ArrayList<>();
            if (health.statusCode() != 200) problems.add("/health answers " + health.statusCode() + " after the bad requests");
            String err = read(dir.resolve("err"));
            if (STACK_TRACE.matcher(err).find()) problems.add("the server printed a stack trace: " + err);
            out.add(new Outcome("serve-survives-the-requests", "serve", problems.isEmpty() ? "ok" : "FAILED", 0, Optional.empty(),
                    Optional.empty(), 0, problems));
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
        }
        return out;
    }

    Outcome request(HttpClient http, ObjectMapper json, URI base, TomlTable r) throws IOException, InterruptedException {
        String id = r.getString("id");
        List<String> problems = new ArrayList<>();
        byte[] body = r.getString("body") != null ? r.getString("body").getBytes(StandardCharsets.UTF_8)
                : r.getString("body-file") != null ? Files.readAllBytes(catalogue.resolve(r.getString("body-file")))
                : r.getTable("generate") != null ? generate(r.getTable("generate")).getBytes(StandardCharsets.UTF_8) : null;
        URI uri;
        try {
            uri = URI.create(base + r.getString("path"));
        } catch (IllegalArgumentException e) { // `%zz`: java.net.http cannot send it; a raw socket would be needed
            problems.add("the test cannot send this path with java.net.http: " + e.getMessage());
            return new Outcome(id, "serve", "FAILED", -1, Optional.empty(), Optional.empty(), 0, problems);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        TomlTable headers = r.getTable("headers");
        if (headers != null) for (String h : headers.keySet()) b.header(h, headers.getString(List.of(h)));
        b.method(r.getString("method"), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        long t0 = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            problems.add("no answer: " + e);
            return new Outcome(id, "serve", "FAILED", -1, Optional.empty(), Optional.empty(), 0, problems);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (answer.statusCode() != r.getLong("status")) problems.add("status " + answer.statusCode() + ", expected " + r.getLong("status"));
        JsonNode doc = null;
        try {
            doc = json.readTree(answer.body());
        } catch (IOException e) {
            problems.add("the answer is not JSON: " + cut(answer.body()));
        }
        if (doc != null) {
            String code = doc.path("error").path("code").asText();
            if (!code.equals(r.getString("code"))) problems.add("error code `" + code + "`, expected `" + r.getString("code") + "`: " + cut(answer.body()));
            String message = r.getString("message");
            if (message != null && !doc.path("error").path("message").asText().contains(message)) {
                problems.add("no `" + message + "` in the message: " + cut(answer.body()));
            }
        }
        if (STACK_TRACE.matcher(answer.body()).find()) problems.add("a stack trace in the answer");
        Long cap = r.getLong("max-answer-bytes");
        if (cap != null && answer.body().length() > cap) problems.add("an answer of " + answer.body().length() + " characters, more than " + cap);
        return new Outcome(id, "serve", problems.isEmpty() ? "ok" : "FAILED", answer.statusCode(), Optional.empty(), Optional.empty(), wall, problems);
    }

    /**
     * The java command every case runs: the launcher's flags and heap, this build's classes as a jar (so compiled
     * rules are cached as the launcher caches them), and the compiled rules from a warm-up run.
     */
    List<String> prepareJvm() throws IOException, InterruptedException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = tmp.resolve("cargo-profile-advisor.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        List<String> cp = new ArrayList<>(List.of(jar.toString()));
        String testPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String e : testPath.split(java.io.File.pathSeparator)) if (e.endsWith(".jar") && !e.contains("surefire")) cp.add(e);
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> out = new ArrayList<>(List.of(javaCommand, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss2m", "-Xmx256m",
                "-Dcpa.rules.cache=" + cache, "-cp", String.join(java.io.File.pathSeparator, cp), Main.class.getName()));
        List<String> warm = new ArrayList<>(out);
        warm.add("warm-up");
        Process p = new ProcessBuilder(warm).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("warm-up.log").toFile()).start();
        assertThat(p.waitFor(WALL_LIMIT.toSeconds() * 2, TimeUnit.SECONDS)).as("warm-up finishes").isTrue();
        assertThat(p.exitValue()).as("warm-up: %s", read(tmp.resolve("warm-up.log"))).isZero();
        return out;
    }

    private void checkIds(List<TomlTable> cases, List<TomlTable> requests) {
        Set<String> seen = new java.util.HashSet<>();
        for (TomlTable c : cases) {
            assertThat(c.getString("id")).as("a case's id").matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(seen.add(c.getString("id"))).as("id `%s` once", c.getString("id")).isTrue();
            assertThat(KINDS).as("kind of %s", c.getString("id")).contains(c.getString("kind"));
            assertThat(c.getLong("exit")).as("exit of %s", c.getString("id")).isNotNull().isBetween(0L, 2L);
            assertThat(c.getArray("args")).as("args of %s", c.getString("id")).isNotNull();
        }
        for (TomlTable r : requests) {
            assertThat(seen.add(r.getString("id"))).as("id `%s` once", r.getString("id")).isTrue();
            assertThat(r.getString("method")).as("method of %s", r.getString("id")).isNotNull();
            assertThat(r.getLong("status")).as("status of %s", r.getString("id")).isNotNull();
        }
    }

    private void report(List<Outcome> outcomes, double seconds, boolean pending) throws IOException {
        Map<String, Integer> byKind = new TreeMap<>();
        outcomes.forEach(o -> byKind.merge(o.kind(), 1, Integer::sum));
        double maxCpu = outcomes.stream().flatMap(o -> o.cpu().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        long maxRss = outcomes.stream().flatMap(o -> o.rssKb().stream()).mapToLong(Long::longValue).max().orElse(0);
        StringBuilder md = new StringBuilder("# Bad-input catalogue" + (pending ? " (pending cases)" : "") + "\n\n")
                .append(String.format("- %d cases %s in %.0f s wall on %d cores; highest CPU time of one case %.1f s, highest peak RSS %d MB%n",
                        outcomes.size(), byKind, seconds, Runtime.getRuntime().availableProcessors(), maxCpu, maxRss / 1024))
                .append("- failing: ").append(outcomes.stream().filter(o -> !o.problems().isEmpty()).count()).append("\n\n")
                .append("| case | kind | outcome | exit/status | CPU s | peak RSS MB | problems |\n|---|---|---|---:|---:|---:|---|\n");
        for (Outcome o : outcomes) {
            md.append("| ").append(o.id()).append(" | ").append(o.kind()).append(" | ").append(o.verdict()).append(" | ").append(o.exit())
                    .append(" | ").append(o.cpu().map(c -> String.format("%.1f", c)).orElse("")).append(" | ")
                    .append(o.rssKb().map(k -> Long.toString(k / 1024)).orElse("")).append(" | ")
                    .append(String.join("; ", o.problems()).replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/bad-inputs-report" + (pending ? "-pending" : "") + ".md"), md.toString());
        System.out.println(md);
    }

    private static Path resource(String name) throws URISyntaxException {
        var url = BadInputCatalogTest.class.getClassLoader().getResource(name);
        assertThat(url).as("resource %s", name).isNotNull();
        return Path.of(url.toURI()).getParent();
    }

    private static List<TomlTable> tables(TomlParseResult index, String key) {
        TomlArray a = index.getArray(key);
        List<TomlTable> out = new ArrayList<>();
        if (a != null) for (int i = 0; i < a.size(); i++) out.add(a.getTable(i));
        return out;
    }

    private static List<Object> list(TomlTable t, String key) {
        TomlArray a = t.getArray(key);
        return a == null ? List.of() : a.toList();
    }

    private static byte[] readIfFile(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0];
    }

    private static String read(Path p) throws IOException {
        if (!Files.exists(p)) return "";
        try (var in = Files.newInputStream(p)) {
            return new String(in.readNBytes(READ_LIMIT), StandardCharsets.UTF_8);
        }
    }

    private static String shown(Run r) {
        return ":\n" + cut(r.output());
    }

    private static String cut(String s) {
        String t = printable(s);
        return t.length() > 600 ? t.substring(0, 600) + "…" : t;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\n' || c >= 0x20 && c != 0x7f) b.appendCodePoint(c);
            else b.append(String.format("\\u%04x", c));
        });
        return b.toString();
    }
}
