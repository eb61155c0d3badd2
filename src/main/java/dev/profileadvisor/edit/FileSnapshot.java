package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.manifest.ManifestReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file as it was read: its text, the SHA-256 of its bytes and its modification time, so that a later write can
 * tell whether someone changed it in between.
 *
 * @param path     the file, with symbolic links resolved (a write replaces the file the link points to)
 * @param display  its name in messages
 * @param text     its content, UTF-8
 * @param sha256   hex SHA-256 of its bytes
 * @param modified its modification time, read before its bytes
 */
public record FileSnapshot(Path path, String display, String text, String sha256, FileTime modified) {

    /**
     * @param file    the file
     * @param display its name in messages
     * @return the snapshot
     * @throws AdvisorException when it is missing, unreadable, too large or not UTF-8
     */
    public static FileSnapshot read(Path file, String display) {
        try {
            Path real = file.toRealPath();
            if (Files.isDirectory(real)) throw new AdvisorException(Problem.of(display, "is a directory, not a manifest"));
            if (!Files.isRegularFile(real)) { // a FIFO would block the read forever
                throw new AdvisorException(Problem.of(display, "is not a regular file (a pipe or a device?)"));
            }
            long size = Files.size(real);
            if (size > ManifestReader.MAX_BYTES) {
                throw new AdvisorException(Problem.of(display, "is " + size + " bytes, larger than the " + ManifestReader.MAX_BYTES
                        + " a manifest can reasonably be; not read"));
            }
            FileTime modified = Files.getLastModifiedTime(real);
            byte[] bytes = Files.readAllBytes(real);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return new FileSnapshot(real, display, text, sha256(bytes), modified);
        } catch (NoSuchFileException e) {
            throw new AdvisorException(Problem.of(display, "no such file"));
        } catch (CharacterCodingException e) {
            throw new AdvisorException(Problem.of(display, "is not UTF-8 text"));
        } catch (IOException e) {
            throw new AdvisorException(Problem.of(display, "cannot read: " + SafeWrite.describe(e)));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
