package dev.gatehouse.sso.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The 32-byte key that encrypts stored secrets: {@code gatehouse.master-key} when set, otherwise a key generated once
 * into {@code <data-dir>/master.key} (owner-only permissions). Clusters must set the same key on every node.
 */
public final class MasterKey {
    private MasterKey() {}

    public static byte[] resolve(GatehouseSettings settings) {
        if (settings.masterKey().isPresent()) {
            return decode(settings.masterKey().get().value(), "gatehouse.master-key");
        }
        Path file = settings.dataDir().resolve("master.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(settings.dataDir());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                } catch (FileAlreadyExistsException raced) {
                    // another node or thread created it first: read theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                }
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new SettingsException("gatehouse.master-key is not set and " + file + " cannot be read or written ("
                    + e.getMessage() + "); set gatehouse.master-key or make gatehouse.data-dir writable");
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length == 32) {
                return key;
            }
            throw new SettingsException(where + ": the key has " + key.length
                    + " bytes; it must be base64 of exactly 32 random bytes (openssl rand -base64 32)");
        } catch (IllegalArgumentException e) {
            throw new SettingsException(where + ": the key is not base64; generate one with openssl rand -base64 32");
        }
    }
}
