package org.trame.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * Keeps the password of the built-in {@code neo4j} user equal to NEO4J_PASSWORD.
 *
 * <p>A new data folder starts with Neo4j's default password ({@code neo4j}, change required). On
 * the first start, and whenever NEO4J_PASSWORD differs from the one applied last time, we run
 * {@code ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED} on the {@code system} database
 * (embedded transactions run with full privileges, no login needed). What was applied is
 * remembered as a salted SHA-256 in {@code <home>/data/trame-password.sha256}: it lives inside
 * {@code data/} so that deleting the data also forgets it. A password changed by other means (a
 * Cypher {@code ALTER CURRENT USER}) is therefore only overwritten when NEO4J_PASSWORD changes.
 */
final class PasswordSync {
    private static final String MARKER_FILE = "trame-password.sha256";
    private static final String MARKER_VERSION = "v1";

    private PasswordSync() {
    }

    static Path markerPath(Path home) {
        return home.resolve("data").resolve(MARKER_FILE);
    }

    /** Returns true when the password had to be (re)applied. */
    static boolean apply(DatabaseManagementService dbms, Path home, String password) throws IOException {
        Path marker = markerPath(home);
        if (matchesMarker(marker, password)) {
            return false;
        }
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the value it already has; that is fine here
            // (e.g. the marker file was deleted but the system database kept the password).
            if (!isSamePasswordError(e)) {
                throw e;
            }
        }
        writeMarker(marker, password);
        return true;
    }

    private static boolean isSamePasswordError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase().contains("old password and new password cannot be the same")) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesMarker(Path marker, String password) {
        try {
            if (!Files.isRegularFile(marker)) {
                return false;
            }
            String[] parts = Files.readString(marker, StandardCharsets.UTF_8).trim().split(":");
            if (parts.length != 3 || !MARKER_VERSION.equals(parts[0])) {
                return false;
            }
            byte[] salt = HexFormat.of().parseHex(parts[1]);
            byte[] expected = HexFormat.of().parseHex(parts[2]);
            return MessageDigest.isEqual(expected, hash(salt, password));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void writeMarker(Path marker, String password) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String content = MARKER_VERSION + ":" + HexFormat.of().formatHex(salt) + ":"
                + HexFormat.of().formatHex(hash(salt, password)) + "\n";
        Files.createDirectories(marker.getParent());
        Path tmp = marker.resolveSibling(MARKER_FILE + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] hash(byte[] salt, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
