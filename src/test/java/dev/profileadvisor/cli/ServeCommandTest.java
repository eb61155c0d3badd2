package dev.profileadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} as a user runs it: in its own JVM, on a free port, stopped with SIGTERM. */
class ServeCommandTest {
    @Test
    void servePrintsItsLoopbackAddressAnswersAndStopsGracefullyOnSigterm(@TempDir Path tmp) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = tmp.resolve("stderr");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0").redirectError(stderr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).isNotNull().startsWith("cargo-profile-advisor: serving on http://127.0.0.1:");
            Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
            assertThat(m.find()).isTrue();
            URI base = URI.create(m.group(1));
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> rec = client.send(HttpRequest.newBuilder(base.resolve("/v1/recommend")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"goals\": [\"small-binary\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rec.statusCode()).isEqualTo(200);
            assertThat(rec.body()).contains("[profile.release]");
            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(base.resolve("/v1/recommend")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"goals\": [")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(405);

            p.destroy(); // SIGTERM: the shutdown hook stops the server gracefully
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s").isTrue();
            String err = Files.readString(stderr);
            assertThat(err).as("nothing on stderr (no stack trace, no JDK server warning)").isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aPortInUseIsBadInputWithAMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).startsWith("error: --port: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aPortOutOfRangeOrABadAddressIsBadInput() {
        CliRun port = CliRun.run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(port.err()).isEqualTo("error: --port: invalid port `70000`: expected 0 to 65535\n");
        CliRun bind = CliRun.run("serve", "--port", "0", "--bind", "no-such-host.invalid");
        assertThat(bind.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(bind.err()).isEqualTo("error: --bind: cannot resolve the address `no-such-host.invalid`\n");
    }

    @Test
    void helpNamesTheEndpointsAndTheDefaults() {
        CliRun r = CliRun.run("serve", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("/v1/recommend", "--port", "default 8080", "--bind", "127.0.0.1");
    }

    @Test
    void onlyALoopbackAddressListensWithoutAWarning() throws Exception {
        // decided on the address, without listening on anything but loopback in a test
        for (String loopback : new String[]{"127.0.0.1", "::1", "localhost", "127.1.2.3"}) {
            assertThat(ServeCommand.exposureWarning(java.net.InetAddress.getByName(loopback))).as(loopback).isEmpty();
        }
        for (String exposed : new String[]{"0.0.0.0", "::", "192.0.2.7"}) {
            assertThat(ServeCommand.exposureWarning(java.net.InetAddress.getByName(exposed))).as(exposed).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("warning: listening on ").endsWith(", not only on this machine: the API has no authentication or TLS; put a proxy that has them in front");
        }
    }
}
