package hotello.testservices;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts mongo-java-server with its in-memory backend on loopback for Hotello's test services.
 *
 * <pre>
 * java -jar java-mongo-launcher.jar [-port N] [-host 127.0.0.1] [-worker-threads 1]
 *      [-server-version 4.4.0] [-wire-version 9] [-log-level warn] [-exit-on-stdin-eof]
 * </pre>
 *
 * Prints one line {@code READY mongodb://HOST:PORT/} on stdout once it accepts connections
 * ({@code -port 0}, the default, binds a free port and prints the real one). SIGTERM/SIGINT close
 * client connections, stop the server and exit 0. All data lives in memory only.
 */
public final class Main {

    /**
     * What the server reports in hello/isMaster (maxWireVersion) and buildInfo (version).
     * mongo-java-server 1.47.0 defaults to ServerVersion.MONGO_5_0, whose wire version is 8; the
     * Node.js driver 7 requires at least 9 (MongoDB 4.4). {@link MongoVersion} is a public interface
     * and {@code MongoBackend.version(MongoVersion)} the public way to set what is reported.
     */
    private record ReportedVersion(List<Integer> versionArray, int wireVersion) implements MongoVersion {
        @Override
        public List<Integer> getVersionArray() {
            return versionArray;
        }

        @Override
        public int getWireVersion() {
            return wireVersion;
        }
    }

    private Main() {
    }

    private static void usage(String problem) {
        System.err.println("java-mongo-launcher: " + problem);
        System.err.println("usage: java -jar java-mongo-launcher.jar [-port N] [-host ADDR] [-worker-threads N]"
            + " [-server-version X.Y.Z] [-wire-version N] [-log-level trace|debug|info|warn|error|off] [-exit-on-stdin-eof]");
        System.exit(2);
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 0;
        int workerThreads = 1;
        String serverVersion = "4.4.0";
        int wireVersion = 9;
        String logLevel = "warn";
        boolean exitOnStdinEof = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i].replaceFirst("^--", "-");
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("-exit-on-stdin-eof")) {
                exitOnStdinEof = value == null || Boolean.parseBoolean(value);
                continue;
            }
            if (arg.equals("-h") || arg.equals("-help")) {
                usage("help");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    usage("missing value for " + arg);
                }
                value = args[++i];
            }
            try {
                switch (arg) {
                    case "-port" -> port = Integer.parseInt(value);
                    case "-host" -> host = value;
                    case "-worker-threads" -> workerThreads = Integer.parseInt(value);
                    case "-server-version" -> serverVersion = value;
                    case "-wire-version" -> wireVersion = Integer.parseInt(value);
                    case "-log-level" -> logLevel = value;
                    default -> usage("unknown flag " + arg);
                }
            } catch (NumberFormatException e) {
                usage("not a number for " + arg + ": " + value);
            }
        }
        if (port < 0 || port > 65535 || workerThreads < 0) {
            usage("port must be 0..65535, worker-threads >= 0");
        }

        // slf4j-simple reads these when the first logger is created (MongoServer's, below).
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");

        List<Integer> versionArray = new ArrayList<>();
        try {
            for (String part : serverVersion.split("\\.")) {
                versionArray.add(Integer.parseInt(part));
            }
        } catch (NumberFormatException e) {
            usage("-server-version must look like 4.4.0, got " + serverVersion);
        }
        while (versionArray.size() < 3) {
            versionArray.add(0);
        }

        MemoryBackend backend = new MemoryBackend();
        backend.version(new ReportedVersion(List.copyOf(versionArray), wireVersion));
        MongoServer server = new MongoServer(backend);
        // workerThreads = 1: every connection is served by one Netty event loop, so commands run one
        // at a time. The memory backend locks each collection for CRUD anyway; one thread also
        // serialises the rest (aggregations, index builds, cursors). 0 = Netty's default (2 x CPUs).
        try {
            server.bind(new InetSocketAddress(host, port), 1, workerThreads);
        } catch (Exception e) { // Netty rethrows the checked BindException unchecked
            System.err.println("java-mongo-launcher: cannot listen on " + host + ":" + port + ": " + e);
            System.exit(1);
        }
        InetSocketAddress bound = server.getLocalAddress();

        // The stdin watcher reads through an interruptible channel: closing it on stop wakes the
        // reader. A thread left blocked in a native read() delays JVM exit by ~300 ms.
        FileChannel stdin = exitOnStdinEof ? new FileInputStream(FileDescriptor.in).getChannel() : null;
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                try {
                    server.shutdownNow(); // closes client connections first, then the event loops
                } catch (RuntimeException e) {
                    System.err.println("java-mongo-launcher: error while stopping: " + e);
                } finally {
                    if (stdin != null) {
                        try {
                            stdin.close();
                        } catch (IOException e) {
                            // exiting anyway
                        }
                    }
                    stopped.countDown();
                }
            }
        };
        // SIGTERM/SIGINT: stop and exit 0 (a plain shutdown hook would leave exit status 143).
        // halt, not exit: the server is already down (no other shutdown work to run).
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> {
                    stop.run();
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(0);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // signal not available here; the shutdown hook below still stops the server
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "java-mongo-launcher-shutdown"));

        if (stdin != null) {
            // the parent keeps a pipe to our stdin; EOF means it died without stopping us
            Thread watcher = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocate(256);
                try {
                    while (stdin.read(buf) >= 0) {
                        buf.clear(); // ignore input
                    }
                } catch (AsynchronousCloseException e) {
                    return; // closed by stop(): we are exiting anyway
                } catch (IOException e) {
                    // treat like EOF
                }
                System.err.println("java-mongo-launcher: stdin closed, exiting");
                stop.run();
                Runtime.getRuntime().halt(0);
            }, "java-mongo-launcher-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        PrintStream out = System.out;
        out.println("READY mongodb://" + hostForUri(bound) + ":" + bound.getPort() + "/");
        out.flush();
        stopped.await();
    }

    private static String hostForUri(InetSocketAddress address) {
        String h = address.getAddress().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }
}
