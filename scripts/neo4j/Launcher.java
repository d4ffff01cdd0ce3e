/*
 * Starts the project's own Neo4j (5.26 Community, embedded DBMS) with the Bolt connector on
 * loopback, for development and tests on machines without Docker. src/graph/local-neo4j.ts
 * compiles and runs it; it is not part of the product.
 *
 * Usage: java -cp 'lib/*:classes' Launcher --home DIR --port N [--pagecache-mb N] [--exit-on-stdin-eof]
 *
 * Prints one line "DIPLOGRAPH_NEO4J_READY bolt://127.0.0.1:N <version>" once Bolt accepts
 * connections. SIGTERM (or stdin closing, with --exit-on-stdin-eof, so a crashed parent never
 * leaves an orphan holding the store lock) shuts the DBMS down cleanly.
 */
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;

public final class Launcher {
    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = 7687;
        long pagecacheMb = 128;
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pagecache-mb" -> pagecacheMb = Long.parseLong(args[++i]);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (home == null) {
            System.err.println("--home DIR is required");
            System.exit(2);
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024 * 1024)
                // Without this every database preallocates ~256 MiB of empty transaction logs.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // A ceiling for runaway queries; the API sets its own, shorter, per transaction.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                // Bolt's network threads otherwise idle for 5 s + 5 s at shutdown; nothing needs that
                // on a loopback development server, and a slow stop holds up Ctrl-C and test runs.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        System.out.println("DIPLOGRAPH_NEO4J_READY bolt://127.0.0.1:" + port + " " + Version.getNeo4jVersion());
        System.out.flush();

        if (exitOnStdinEof) {
            InputStream in = System.in;
            while (in.read() != -1) {
                // Input is ignored; only its end matters.
            }
            System.exit(0);
        }
        stopped.await();
    }
}
