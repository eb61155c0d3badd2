package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.json.Schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client for tests, over loopback with the JDK's HttpClient. Every answer's body is validated against its JSON
 * Schema: the endpoint's own for a 2xx, {@code error.schema.json} for every error.
 */
final class Api {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** An answer: status, headers, body text and, when it is JSON, the parsed body. */
    record Answer(int status, HttpHeaders headers, String body, JsonNode json) {
        String code() {
            return json.path("error").path("code").asText();
        }

        String message() {
            return json.path("error").path("message").asText();
        }
    }

    /** A document as it reads back from JSON text, so that it compares equal to a parsed answer (ints vs longs). */
    static JsonNode reparsed(JsonNode doc) {
        try {
            return MAPPER.readTree(doc.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;

    Api(URI base) {
        this.base = base;
    }

    Answer get(String path, String schema) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), schema);
    }

    Answer post(String path, String body, String schema) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), schema);
    }

    Answer send(HttpRequest.Builder request, String schema) {
        HttpResponse<String> r;
        try {
            r = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonNode json = null;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/json") || type.startsWith("application/schema+json")) {
            try {
                json = MAPPER.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + r.body(), e);
            }
        }
        if (r.request().method().equals("HEAD")) {
            assertThat(r.body()).as("a HEAD answer has no body").isEmpty();
        } else if (r.statusCode() >= 400) {
            assertThat(type).as("an error's Content-Type").startsWith("application/json");
            assertThat(Schemas.problems("error", r.body())).as("error.schema.json problems for %s", r.body()).isEmpty();
            assertThat(json.path("error").path("status").asInt()).isEqualTo(r.statusCode());
            assertThat(r.body()).as("no stack trace").doesNotContain("\tat ").doesNotContain("\\tat ");
        } else if (schema != null) {
            assertThat(Schemas.problems(schema, r.body())).as("%s.schema.json problems for %s", schema, r.body()).isEmpty();
        }
        return new Answer(r.statusCode(), r.headers(), r.body(), json);
    }
}
