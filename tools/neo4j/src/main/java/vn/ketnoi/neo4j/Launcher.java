package vn.ketnoi.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts Neo4j 5 Community in this JVM with only the Bolt connector, on 127.0.0.1, over a data directory,
 * and prints one line {@code NEO4J_URI=bolt://127.0.0.1:<port>} once it accepts connections. Stops cleanly
 * (checkpoint, store closed) on SIGTERM or Ctrl-C, and also when standard input closes if
 * {@code --stop-on-stdin-close} is given, so a parent that dies never leaves a server behind.
 *
 * <p>Authentication is off: the server listens on the loopback address only and is meant for development
 * and tests. Any user name and password are accepted.
 */
public final class Launcher {
    private Launcher() {}

    private static final String USAGE =
            "usage: java -jar ketnoi-neo4j.jar --data DIR [--port N (0 = a free port)] [--pagecache 256m]"
                    + " [--stop-on-stdin-close]";

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 0;
        long pagecache = parseBytes("256m");
        boolean stopOnStdinClose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i)).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--pagecache" -> pagecache = parseBytes(value(args, ++i));
                case "--stop-on-stdin-close" -> stopOnStdinClose = true;
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (data == null) fail("--data is required");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                // A test server: no pre-allocated 250 MB transaction log files, no usage reports.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .build();

        Thread stopper = new Thread(() -> {
            System.err.println("neo4j: stopping");
            dbms.shutdown();
            System.err.println("neo4j: stopped");
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        // With port 0 the connector picked its own port; the port register knows which.
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int bound = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        System.out.println("NEO4J_URI=bolt://127.0.0.1:" + bound);
        System.out.flush();

        if (stopOnStdinClose) {
            Thread watcher = new Thread(() -> {
                InputStream in = System.in;
                try {
                    while (in.read() != -1) {
                        // Ignore input; only its end matters.
                    }
                } catch (IOException ignored) {
                    // A broken pipe is an end too.
                }
                System.exit(0);
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        Thread.currentThread().join();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) fail("missing value after " + args[i - 1]);
        return args[i];
    }

    private static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }

    private static void fail(String message) {
        System.err.println("neo4j: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
