package dev.profileadvisor.server;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.fuzz.FuzzInput;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the decoding of the HTTP API's request bodies ({@code POST /v1/recommend} and {@code POST /v1/audit}), called
 * directly, without sockets: each body becomes a request, or an {@link ApiError} with a 4xx status, a code and a
 * message that the server renders as a JSON error document. Any other exception is a finding (the router would
 * answer it with {@code 500 internal-error}).
 */
class RequestBodyFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    @Timeout(10)
    void aBodyIsARequestOrA4xxJsonError(byte[] body) throws IOException {
        if (body.length > FuzzInput.MAX_BYTES) return;
        try {
            Request r = RecommendBody.parse(body);
            assertThat(r.goals()).isNotNull();
            RecommendBody.project(body);
        } catch (ApiError e) {
            checkError(e);
        }
        try {
            AuditBody a = AuditBody.parse(body);
            assertThat(a.manifest()).isNotNull();
        } catch (ApiError e) {
            checkError(e);
        }
    }

    private static void checkError(ApiError e) throws IOException {
        assertThat(e.status).as("status of %s", e.getMessage()).isBetween(400, 499);
        assertThat(e.code).isNotBlank();
        assertThat(e.getMessage()).isNotBlank();
        JsonNode doc = JSON.readTree(Router.Reply.error(e).body());
        assertThat(doc.path("error").path("status").asInt()).isEqualTo(e.status);
        assertThat(doc.path("error").path("code").asText()).isEqualTo(e.code);
    }
}
