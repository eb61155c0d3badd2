package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Replaces a file's content so that a crash or a concurrent edit never leaves it half-written or silently
 * overwritten: the new bytes go to a temporary file in the same directory, which gets the original's permissions
 * (and owner and group when allowed), is flushed to disk and then renamed over the original in one atomic step;
 * the directory is flushed too. The write is refused when the file's bytes or modification time differ from the
 * snapshot the new text was computed from, or when the file is read-only. The temporary file never outlives the
 * call. A small window remains between the last check and the rename: no lock is taken, as editors and cargo take
 * none either.
 */
public final class SafeWrite {
    private SafeWrite() {
    }

    /**
     * @param original what the new text was computed from
     * @param text     the new content
     * @throws AdvisorException when the file changed since the snapshot, is read-only, or cannot be written; the file
     *                          is then as it was
     */
    public static void replace(FileSnapshot original, String text) {
        Path file = original.path();
        String display = original.display();
        unchanged(original);
        if (!Files.isWritable(file) || readOnlyMode(file)) {
            throw new AdvisorException(Problem.of(display, "is read-only; nothing was written"));
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            copyAttributes(file, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            unchanged(original);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new AdvisorException(Problem.of(display, "cannot be replaced atomically on this file system; nothing was written"));
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new AdvisorException(Problem.of(display, "cannot write: " + describe(e) + "; the file is unchanged"));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the rename did not happen; a leftover hidden temp file is all that can remain
                }
            }
        }
    }

    /**
     * Creates a file that does not exist yet, with the same care: the text goes to a temporary file in the same
     * directory (created when missing), which gets the permissions of {@code like} (another file of the project, such
     * as its {@code Cargo.toml}) and is flushed to disk, then is linked to the new name, which fails when a file of that
     * name appeared meanwhile; the temporary file never outlives the call.
     *
     * @param file    the file to create
     * @param display its name in messages
     * @param text    its content
     * @param like    a file whose permissions it gets, or null for {@code rw-r--r--}
     * @throws AdvisorException when the file exists, or cannot be written; nothing is then created (a directory
     *                          created for it stays)
     */
    public static void create(Path file, String display, String text, Path like) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new AdvisorException(Problem.of(display, "appeared on disk since apply looked for it; nothing was written: run the command again"));
            }
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(like != null && Files.exists(like) ? Files.getPosixFilePermissions(like)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.createLink(file, temp); // fails if the name exists: no clobbering
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof java.nio.file.FileAlreadyExistsException) throw (java.nio.file.FileAlreadyExistsException) e;
                Files.move(temp, file); // no hard links here: a rename that refuses an existing target
                temp = null;
            }
            syncDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new AdvisorException(Problem.of(display, "appeared on disk since apply looked for it; nothing was written: run the command again"));
        } catch (IOException e) {
            throw new AdvisorException(Problem.of(display, "cannot create: " + describe(e) + "; nothing was written"));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a leftover hidden temp file is all that can remain
                }
            }
        }
    }

    /** Refuses when the file is no longer what the snapshot says. */
    static void unchanged(FileSnapshot original) {
        String display = original.display();
        try {
            FileTime modified = Files.getLastModifiedTime(original.path());
            byte[] now = Files.readAllBytes(original.path());
            if (!modified.equals(original.modified()) || !FileSnapshot.sha256(now).equals(original.sha256())) {
                throw new AdvisorException(Problem.of(display, "changed on disk since it was read; nothing was written: "
                        + "run the command again"));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AdvisorException(Problem.of(display, "was removed since it was read; nothing was written"));
        } catch (IOException e) {
            throw new AdvisorException(Problem.of(display, "cannot read: " + describe(e) + "; nothing was written"));
        }
    }

    /** The owner's write bit is off: read-only by choice, even for root, who may write anyway. */
    private static boolean readOnlyMode(Path file) {
        try {
            return Files.getFileAttributeView(file, PosixFileAttributeView.class) != null
                    && !Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyAttributes(Path from, Path to) throws IOException {
        PosixFileAttributeView toView = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (toView == null) return; // not POSIX: the temp file keeps the directory's defaults
        PosixFileAttributes attrs = Files.readAttributes(from, PosixFileAttributes.class);
        PosixFileAttributes mine = toView.readAttributes();
        try {
            if (!attrs.group().equals(mine.group())) toView.setGroup(attrs.group());
            if (!attrs.owner().equals(mine.owner())) toView.setOwner(attrs.owner());
        } catch (IOException e) {
            // only root or the owner may do this; the file then belongs to whoever ran apply, as with any editor
        }
        toView.setPermissions(attrs.permissions());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open directories; the rename is done and the file content is on disk
        }
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(java.util.Locale.ROOT);
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
