package org.incrowd.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context a database of its own, of the kind named by the system property
 * {@code incrowd.test.db}: {@code h2} (default; an in-memory H2 database) or {@code postgres} (a fresh database in
 * one real PostgreSQL server per JVM). The surefire runs in pom.xml set the property.
 *
 * <p>The settings go into the highest-precedence property source, so they win over application properties,
 * profiles and environment variables such as {@code SPRING_DATASOURCE_URL}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KIND_PROPERTY = "incrowd.test.db";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("incrowd-test-database", settingsFor(kind())));
        // Files the application keeps beside its database (the search index) belong to this context alone, too.
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("incrowd-test-data-dir", Map.of("incrowd.data-dir", freshDataFolder())));
        // Mail goes to the tests' own SMTP server, where they read it back.
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("incrowd-test-mail", MailCatcher.settings()));
    }

    /** An empty folder for the files a node keeps beside its database (each node of a cluster has its own). */
    public static String freshDataFolder() {
        try {
            return Files.createTempDirectory(DataFolders.OF_THIS_JVM, "node").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test JVMs' data folders, in {@code target/test-data/<process id>-<start time>} (the start time because
     * process ids are reused). Each test JVM, as it starts, removes the folders of test JVMs that have ended: removing
     * a JVM's own folders as it exits would race the search indexes that its contexts close on the way out. So only
     * the last run's folders stay, to look at after a failure.
     */
    private static final class DataFolders {
        private static final Path ROOT = Path.of("target", "test-data");
        static final Path OF_THIS_JVM = prepare();

        private static Path prepare() {
            try {
                Files.createDirectories(ROOT);
                try (var folders = Files.list(ROOT)) {
                    folders.filter(DataFolders::ofAnEndedJvm).forEach(DataFolders::remove);
                }
                var self = ProcessHandle.current();
                return Files.createDirectories(ROOT.resolve(self.pid() + "-" + startOf(self))).toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean ofAnEndedJvm(Path folder) {
            String[] name = folder.getFileName().toString().split("-");
            return name.length == 2 && name[0].matches("\\d+") && ProcessHandle.of(Long.parseLong(name[0]))
                    .map(DataFolders::startOf).filter(name[1]::equals).isEmpty();
        }

        private static String startOf(ProcessHandle process) {
            return process.info().startInstant().map(start -> String.valueOf(start.toEpochMilli())).orElse("0");
        }

        /** Removes the folder and what it holds; another test JVM may be removing it at the same time. */
        private static void remove(Path folder) {
            try {
                Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // gone already
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                        Files.deleteIfExists(directory);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (NoSuchFileException | DirectoryNotEmptyException e) {
                // removed by another test JVM meanwhile
            } catch (IOException e) {
                System.err.println("Could not remove the test data folder " + folder + ": " + e);
            }
        }
    }

    /** The database kind this JVM tests against: "h2" or "postgres". */
    public static String kind() {
        return System.getProperty(KIND_PROPERTY, "h2").trim().toLowerCase();
    }

    /** Settings for a new, empty database on the shared PostgreSQL server, for tests that start several nodes. */
    public static Map<String, Object> freshPostgres() {
        return settingsFor("postgres");
    }

    /** Settings for a new, empty database of this JVM's kind that several nodes in this JVM can share. */
    public static Map<String, Object> freshShared() {
        return settingsFor(kind()); // H2 in memory: one database per name in the JVM, kept while any node lives
    }

    static Map<String, Object> settingsFor(String kind) {
        return switch (kind) {
            // DB_CLOSE_DELAY=-1 keeps the database while the context lives, even when the pool holds no connection.
            // QUERY_CACHE_SIZE as in application.properties: with H2's default of 8 parsed statements per
            // connection, the tests parsed nearly every statement again (a tenth of the H2 run's CPU).
            case "h2" -> Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:incrowd-" + UUID.randomUUID()
                            + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
                    "spring.datasource.driver-class-name", "org.h2.Driver",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
            case "postgres" -> Map.of(
                    "spring.datasource.url", Postgres.createDatabase(),
                    "spring.datasource.driver-class-name", "org.postgresql.Driver",
                    "spring.datasource.username", Postgres.USER,
                    "spring.datasource.password", "");
            default -> throw new IllegalStateException(
                    "Unknown " + KIND_PROPERTY + "=" + kind + " (use h2 or postgres)");
        };
    }

    /**
     * One embedded PostgreSQL server per JVM, started on first use (the holder class is loaded, and the server
     * started, only when a postgres test asks for it) and stopped by a JVM shutdown hook.
     *
     * <p>The binaries come from the io.zonky.test.postgres jar, so no PostgreSQL needs to be installed. PostgreSQL
     * refuses to run as root; when the JVM runs as root, zonky (2.1+) starts initdb, pg_ctl and the server through
     * {@code unshare -U}, i.e. as an unprivileged user in a new user namespace. That needs user namespaces to be
     * allowed (they are on stock Debian/Ubuntu kernels and Docker); {@code ./incrowd test} checks this up front.
     */
    private static final class Postgres {
        static final String USER = "postgres";
        private static final AtomicInteger DATABASES = new AtomicInteger();
        private static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60)) // a loaded 2-core CI machine can be slow
                        .start();
                // zonky registers a hook too; close() is idempotent, this one just makes the lifetime explicit.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        System.err.println("Could not stop the embedded PostgreSQL: " + e);
                    }
                }, "incrowd-test-postgres-stop"));
                return server;
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL for the tests"
                        + ("root".equals(System.getProperty("user.name"))
                                ? " (running as root: PostgreSQL then needs `unshare -U` to work on this machine)"
                                : ""), e);
            }
        }

        /** Creates an empty database and returns its JDBC URL. */
        static String createDatabase() {
            String name = "incrowd_" + DATABASES.incrementAndGet();
            try (Connection connection = SERVER.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + name, e);
            }
            return "jdbc:postgresql://localhost:" + SERVER.getPort() + "/" + name;
        }
    }
}
