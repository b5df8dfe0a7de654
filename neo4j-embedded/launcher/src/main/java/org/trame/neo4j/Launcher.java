package org.trame.neo4j;

import java.io.DataInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community DBMS with Bolt, configured from environment variables.
 *
 * <pre>
 *   TRAME_NEO4J_HOME        (required) folder holding data/ and logs/
 *   TRAME_NEO4J_PORT        Bolt port, default 7687
 *   TRAME_NEO4J_HOST        Bolt listen host, default 127.0.0.1
 *   NEO4J_PASSWORD          password of user neo4j, default trame-local-password, at least 8 chars
 *   TRAME_NEO4J_PAGECACHE   page cache size, default 128m
 *   TRAME_NEO4J_PARENT_PID  optional: shut down when this process is gone
 * </pre>
 *
 * <p>Standard output carries only {@code TRAME_NEO4J_READY bolt://host:port} once Bolt answers and
 * {@code TRAME_NEO4J_STOPPED ...} after a clean shutdown. Errors go to standard error as one line
 * starting with {@code TRAME_NEO4J_ERROR}. Neo4j's own logs go to {@code <home>/logs/}
 * (debug.log from Neo4j, neo4j.log for the user log). SIGTERM/SIGINT shut down cleanly.
 */
public final class Launcher {
    static final String READY = "TRAME_NEO4J_READY";
    static final String STOPPED = "TRAME_NEO4J_STOPPED";
    static final String ERROR = "TRAME_NEO4J_ERROR";

    private static final Duration DB_AVAILABLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration BOLT_PROBE_TIMEOUT = Duration.ofSeconds(60);
    /** How long a shutdown requested during start-up waits for the start-up to finish. */
    private static final Duration STARTUP_WAIT_ON_SHUTDOWN = Duration.ofMinutes(5);

    /** Neo4j never writes to our stdout; keep our own handle in case a library swaps System.out. */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);

    private static final CountDownLatch startupDone = new CountDownLatch(1);
    private static volatile DatabaseManagementService dbms;
    private static volatile Log4jLogProvider userLog;
    private static volatile String stopReason = "signal";

    private Launcher() {
    }

    public static void main(String[] args) {
        LauncherConfig config;
        try {
            config = LauncherConfig.fromEnv(System.getenv());
        } catch (LauncherConfig.ConfigException e) {
            fail(e.getMessage());
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "trame-neo4j-shutdown"));
        if (config.parentPid > 0) {
            startParentWatcher(config.parentPid);
        }

        try {
            start(config);
        } catch (Throwable t) {
            startupDone.countDown();
            fail("could not start Neo4j in " + config.home + ": " + describe(t));
            return;
        }
        // Stay up until a signal, System.exit (parent gone) or kill; do not rely on Neo4j's
        // threads being non-daemon.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void start(LauncherConfig config) throws IOException {
        Path logs = config.home.resolve("logs");
        Files.createDirectories(logs);
        userLog = new Log4jLogProvider(new FileOutputStream(logs.resolve("neo4j.log").toFile(), true));

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(config.home)
                .setUserLogProvider(userLog)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(config.host, config.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(config.host, config.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // A single instance needs no server-side routing (neo4j:// URIs still work).
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, config.pageCacheBytes)
                // Keep only the newest transaction log file beyond what recovery needs, and small files.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty waits a 5 s "quiet period" per Bolt event loop group (two of them) on
                // shutdown; Bolt connections are already closed by then, so do not wait.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        dbms = service;

        try {
            PasswordSync.apply(service, config.home, config.password);

            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(DB_AVAILABLE_TIMEOUT.toMillis())) {
                throw new IllegalStateException("database '" + db.databaseName() + "' did not become available within "
                        + DB_AVAILABLE_TIMEOUT.toSeconds() + " s");
            }
            probeBolt(config);
        } finally {
            startupDone.countDown();
        }
        OUT.println(READY + " " + config.boltUri());
    }

    /**
     * Verifies that Bolt really answers: opens a socket and performs the Bolt handshake
     * (magic preamble + version proposals); any 4-byte answer means the Bolt server is serving.
     */
    private static void probeBolt(LauncherConfig config) {
        InetSocketAddress target = probeAddress(config);
        long deadline = System.nanoTime() + BOLT_PROBE_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(target, 2000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(new byte[] {
                        0x60, 0x60, (byte) 0xB0, 0x17, // Bolt magic preamble
                        0, 8, 8, 5,                    // 5.8 down to 5.0
                        0, 0, 4, 4,                    // 4.4
                        0, 0, 0, 0,
                        0, 0, 0, 0});
                out.flush();
                new DataInputStream(socket.getInputStream()).readFully(new byte[4]);
                return;
            } catch (IOException e) {
                last = e;
                sleep(200);
            }
        }
        throw new IllegalStateException("Bolt did not answer on " + target + " within "
                + BOLT_PROBE_TIMEOUT.toSeconds() + " s" + (last == null ? "" : ": " + last));
    }

    private static InetSocketAddress probeAddress(LauncherConfig config) {
        SocketAddress listen = new SocketAddress(config.host, config.port);
        if (listen.isWildcard()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port);
        }
        return new InetSocketAddress(config.host, config.port);
    }

    private static void startParentWatcher(long parentPid) {
        Thread watcher = new Thread(() -> {
            while (true) {
                boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    stopReason = "parent process " + parentPid + " exited";
                    System.exit(0); // runs the shutdown hook
                    return;
                }
                sleep(1000);
            }
        }, "trame-neo4j-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Shutdown hook: SIGTERM, SIGINT, System.exit, parent gone. */
    private static void shutdown() {
        try {
            startupDone.await(STARTUP_WAIT_ON_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService service = dbms;
        dbms = null;
        if (service != null) {
            try {
                service.shutdown();
                OUT.println(STOPPED + " (" + stopReason + ")");
            } catch (Throwable t) {
                ERR.println(ERROR + " shutdown failed: " + describe(t));
            }
        }
        Log4jLogProvider log = userLog;
        userLog = null;
        if (log != null) {
            log.close();
        }
    }

    private static void fail(String message) {
        stopReason = "start-up failed";
        ERR.println(ERROR + " " + message.replace('\n', ' ').replace('\r', ' '));
        System.exit(1);
    }

    /** One readable line: the outermost message plus the distinct messages of its causes. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        int depth = 0;
        for (Throwable cur = t; cur != null && depth < 8; cur = cur.getCause(), depth++) {
            String message = cur.getMessage();
            if (message == null || message.isBlank()) {
                message = cur.getClass().getSimpleName();
            }
            message = message.replaceAll("\\s+", " ").trim();
            if (previous != null && previous.contains(message)) {
                continue;
            }
            if (message.contains("was successfully initialized, but failed to start")) {
                continue; // Neo4j lifecycle boilerplate; the cause below says what went wrong
            }
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(message);
            previous = message;
            if (cur.getCause() == cur) {
                break;
            }
        }
        return sb.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
