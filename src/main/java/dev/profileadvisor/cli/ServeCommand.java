package dev.profileadvisor.cli;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.server.AdvisorServer;
import dev.profileadvisor.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code serve}: the JSON HTTP API on loopback, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the advisor as a JSON HTTP API.",
                "POST /v1/recommend, GET /v1/goals, /v1/rules, /v1/explain/{id}, /health;",
                "GET /openapi.json describes them."},
        footer = {"", "Examples:", "  cargo-profile-advisor serve",
                "  curl -s localhost:8080/v1/recommend \\",
                "      -d '{\"goals\": [\"small-binary\", {\"id\": \"fast-runtime\", \"weight\": 2}]}'",
                "", "Stops gracefully on Ctrl-C or SIGTERM: requests in progress get up to 5 s to finish."})
final class ServeCommand implements Callable<Integer> {
    /** How long requests in progress may take to finish when the process is asked to stop. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "TCP port to listen on (default 8080); 0 picks a free port (the address is printed).")
    int port;

    @Option(names = "--bind", defaultValue = ServerOptions.DEFAULT_BIND, paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1: this machine only). The API has no "
                    + "authentication or TLS; listen elsewhere only behind a proxy that has.")
    String bind;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) throw new AdvisorException(Problem.of("--port", "invalid port `" + port + "`: expected 0 to 65535"));
        ServerOptions options = ServerOptions.defaults().withBind(bind).withPort(port);
        ProfileAdvisor advisor = load.advisor(java.util.EnumSet.allOf(ProfileAdvisor.Use.class));
        AdvisorServer server;
        try {
            server = AdvisorServer.start(advisor, options);
        } catch (UnknownHostException e) {
            throw new AdvisorException(Problem.of("--bind", "cannot resolve the address `" + bind + "`"));
        } catch (BindException e) {
            throw new AdvisorException(Problem.of("--port", "cannot listen on " + bind + ":" + port + ": "
                    + (e.getMessage() == null ? "address unavailable" : lowerFirst(e.getMessage()))));
        } catch (IOException e) {
            throw new AdvisorException(Problem.of("--bind", "cannot listen on " + bind + ":" + port + ": " + e));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(STOP_GRACE), "advisor-stop"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        exposureWarning(server.address().getAddress()).ifPresent(w -> {
            err.println(w);
            err.flush();
        });
        out.println("cargo-profile-advisor: serving on " + server.uri() + " (GET /openapi.json describes the API; Ctrl-C stops)");
        out.flush();
        server.awaitStop();
        return Main.OK;
    }

    /**
     * @param listening the address the server listens on
     * @return the warning to print when it is reachable from other machines (not loopback: the wildcard address or
     * an interface's)
     */
    static java.util.Optional<String> exposureWarning(InetAddress listening) {
        if (listening.isLoopbackAddress()) return java.util.Optional.empty();
        return java.util.Optional.of("warning: listening on " + listening.getHostAddress() + ", not only on this machine: "
                + "the API has no authentication or TLS; put a proxy that has them in front");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
