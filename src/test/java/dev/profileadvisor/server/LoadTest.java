package dev.profileadvisor.server;

import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short, bounded load test in the unit suite: after a one-second warm-up, 50 concurrent clients for 3 seconds
 * against a real server on loopback, with zero errors (any status but 200 is an error, 503 timeouts included). {@code bench/load.sh} runs the same generator for 20 seconds against {@code serve}.
 */
class LoadTest {
    @Test
    void fiftyConcurrentClientsForThreeSecondsGetNoError() throws IOException, InterruptedException {
        try (AdvisorServer server = AdvisorServer.start(ProfileAdvisor.withDefaults(), ServerOptions.defaults().withPort(0))) {
            LoadGenerator.run(server.uri(), 2, Duration.ofSeconds(1)); // warm up the JIT, as a running server would be
            LoadGenerator.Result r = LoadGenerator.run(server.uri(), 50, Duration.ofSeconds(3));
            System.out.println("LoadTest: " + r);
            assertThat(r.errorSamples()).isEmpty();
            assertThat(r.errors()).isZero();
            assertThat(r.requests()).isGreaterThan(50);
        }
    }
}
