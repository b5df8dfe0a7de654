package org.trame.neo4j;

import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.SettingValueParsers;

/** Launcher settings, read from environment variables and validated up front. */
final class LauncherConfig {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 7687;
    static final String DEFAULT_PASSWORD = "trame-local-password";
    static final String DEFAULT_PAGECACHE = "128m";
    static final int MIN_PASSWORD_LENGTH = 8;

    final Path home;
    final String host;
    final int port;
    final String password;
    final String pageCache;
    final long pageCacheBytes;
    /** PID of the process that started us (the Node app), or -1 when not watched. */
    final long parentPid;

    private LauncherConfig(Path home, String host, int port, String password, String pageCache,
                           long pageCacheBytes, long parentPid) {
        this.home = home;
        this.host = host;
        this.port = port;
        this.password = password;
        this.pageCache = pageCache;
        this.pageCacheBytes = pageCacheBytes;
        this.parentPid = parentPid;
    }

    /** Thrown for invalid configuration; the message is shown to the user as one line. */
    static final class ConfigException extends Exception {
        ConfigException(String message) {
            super(message);
        }
    }

    static LauncherConfig fromEnv(Map<String, String> env) throws ConfigException {
        String homeValue = trimToNull(env.get("TRAME_NEO4J_HOME"));
        if (homeValue == null) {
            throw new ConfigException("TRAME_NEO4J_HOME is required: the folder under which Neo4j keeps data/ and logs/");
        }
        Path home = Path.of(homeValue).toAbsolutePath().normalize();

        String host = trimToNull(env.get("TRAME_NEO4J_HOST"));
        if (host == null) {
            host = DEFAULT_HOST;
        }

        int port = DEFAULT_PORT;
        String portValue = trimToNull(env.get("TRAME_NEO4J_PORT"));
        if (portValue != null) {
            try {
                port = Integer.parseInt(portValue);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new ConfigException("TRAME_NEO4J_PORT must be a port number between 1 and 65535, got '" + portValue + "'");
            }
        }

        String password = env.get("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            password = DEFAULT_PASSWORD;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new ConfigException("NEO4J_PASSWORD must be at least " + MIN_PASSWORD_LENGTH
                    + " characters long (Neo4j refuses shorter passwords), got " + password.length());
        }

        String pageCache = trimToNull(env.get("TRAME_NEO4J_PAGECACHE"));
        if (pageCache == null) {
            pageCache = DEFAULT_PAGECACHE;
        }
        long pageCacheBytes;
        try {
            pageCacheBytes = SettingValueParsers.BYTES.parse(pageCache);
        } catch (RuntimeException e) {
            throw new ConfigException("TRAME_NEO4J_PAGECACHE must be a size such as 128m or 1g, got '" + pageCache + "'");
        }

        long parentPid = -1;
        String parentValue = trimToNull(env.get("TRAME_NEO4J_PARENT_PID"));
        if (parentValue != null) {
            try {
                parentPid = Long.parseLong(parentValue);
            } catch (NumberFormatException e) {
                parentPid = 0;
            }
            if (parentPid <= 0) {
                throw new ConfigException("TRAME_NEO4J_PARENT_PID must be a process id, got '" + parentValue + "'");
            }
        }

        return new LauncherConfig(home, host, port, password, pageCache, pageCacheBytes, parentPid);
    }

    /** Host as written in a URI (IPv6 literals need brackets). */
    String uriHost() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    String boltUri() {
        return "bolt://" + uriHost() + ":" + port;
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
