package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profileadvisor.json.Schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client for what {@link Api} (the JDK's HttpClient) refuses to send: bytes written as they are to a loopback
 * socket, and the answer read until the server closes or the answer is complete.
 */
final class Raw {
    private Raw() {
    }

    /** An answer: the status line's code, the head, the body and the body as JSON when it is JSON. */
    record Answer(int status, String head, String body) {
        JsonNode json() {
            try {
                return Api.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("error").path("code").asText();
        }

        String message() {
            return json().path("error").path("message").asText();
        }

        /** Asserts what every error answer is: JSON with the status repeated, valid against error.schema.json. */
        Answer isJsonError(int expectedStatus) {
            assertThat(status).as("status of %s", this).isEqualTo(expectedStatus);
            assertThat(head.toLowerCase(Locale.ROOT)).as("head").contains("content-type: application/json");
            assertThat(Schemas.problems("error", body)).as("error.schema.json problems for %s", body).isEmpty();
            assertThat(json().path("error").path("status").asInt()).isEqualTo(status);
            return this;
        }
    }

    /** Sends the bytes, then reads one answer (by its Content-Length) or until the server closes. */
    static Answer exchange(URI base, String request, int timeoutMillis) {
        try (Socket s = connect(base, timeoutMillis)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return read(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Socket connect(URI base, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        return s;
    }

    /** Reads one answer: the head up to the blank line, then Content-Length bytes (or up to the end). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        String h = "";
        while (!h.endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("the connection closed before a complete answer (" + head.size() + " bytes of head)");
            head.write(b);
            if (b == '\n') h = head.toString(StandardCharsets.ISO_8859_1);
        }
        int status = Integer.parseInt(h.substring(9, 12));
        int length = -1;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return new Answer(status, h, new String(body, StandardCharsets.UTF_8));
    }

    /** @return whether the server closed the connection (end of stream or reset) within the socket's timeout */
    static boolean closedByServer(Socket s) throws IOException {
        try {
            while (true) {
                if (s.getInputStream().read() < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed too
        }
    }
}
