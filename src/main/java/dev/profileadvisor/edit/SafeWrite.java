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

/**
 * Replaces a file's content so that a crash or a concurrent edit never leaves it half-written or silently
 * overwritten: the new bytes go to a temporary file in the same directory, which is a copy of the original with
 * every attribute the JDK copies (permissions, owner and group when allowed, all extended attributes and so POSIX
 * ACLs), is flushed to disk and then renamed over the original in one atomic step; the directory is flushed too. The
 * write is refused when the file's bytes or modification time differ from the snapshot the new text was computed
 * from, or when the file is read-only. The temporary file never outlives the call; one left by a process that was
 * killed (named {@code .NAME.cpa-PID-RANDOM.tmp}) is removed by the next write of that file once that process is
 * gone. A small window remains between the last check and the rename: no lock is taken, as editors and cargo take
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
        replace(original, text, SafeWrite::writeAll);
    }

    /** How the new bytes reach the temporary file: the seam through which tests make the disk fail half-way. */
    @FunctionalInterface
    interface Sink {
        void write(FileChannel channel, ByteBuffer bytes) throws IOException;
    }

    static void replace(FileSnapshot original, String text, Sink sink) {
        Path file = original.path();
        String display = original.display();
        unchanged(original);
        if (readOnlyMode(file)) throw new AdvisorException(Problem.of(display, "is read-only; nothing was written"));
        if (!Files.isWritable(file)) {
            throw new AdvisorException(Problem.of(display, "cannot be written by this user (its permissions, an ACL or an "
                    + "immutable attribute); nothing was written"));
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            removeStaleTemps(file);
            temp = copyOf(file, dir);
            write(temp, text, sink);
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
        create(file, display, text, like, SafeWrite::writeAll);
    }

    static void create(Path file, String display, String text, Path like, Sink sink) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new AdvisorException(Problem.of(display, "appeared on disk since apply looked for it; nothing was written: run the command again"));
            }
            removeStaleTemps(file);
            temp = Files.createFile(dir.resolve(tempName(file.getFileName().toString())));
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(like != null && Files.exists(like) ? Files.getPosixFilePermissions(like)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            write(temp, text, sink);
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

    /**
     * A new temporary file beside the original that is a copy of it with its attributes: on Linux the JDK copies the
     * permissions, the owner and group (when allowed; else the file belongs to whoever runs apply, as with any editor)
     * and every extended attribute it may read, including {@code system.posix_acl_access}.
     */
    private static Path copyOf(Path file, Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(tempName(file.getFileName().toString()));
            try {
                Files.copy(file, temp, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 10) throw e; // a name of 64 random bits taken ten times over: something else is going on
                continue;
            } catch (IOException e) {
                Files.deleteIfExists(temp); // a copy cut short (a full disk)
                throw e;
            }
            try {
                PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
                // the JDK skips the mode when it may not change the owner: set it on its own
                if (view != null) view.setPermissions(Files.getPosixFilePermissions(file, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                return temp;
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        }
    }

    private static void write(Path temp, String text, Sink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            sink.write(ch, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    private static void writeAll(FileChannel ch, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) ch.write(bytes);
    }

    /** What our temporary files for {@code name} are called: {@code .NAME.cpa-PID-RANDOM.tmp}. */
    static String tempName(String name) {
        return "." + name + TEMP_TAG + ProcessHandle.current().pid() + "-"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    private static final String TEMP_TAG = ".cpa-";
    /** A temporary file this old is stale even when a process of its number runs: numbers are reused. */
    private static final java.time.Duration STALE = java.time.Duration.ofHours(1);

    /**
     * Removes the temporary files a killed apply left beside {@code file}: regular files named as {@link #tempName}
     * names them whose process no longer runs (or that are older than an hour), and those of the naming earlier
     * versions used ({@code .NAME.DIGITS.tmp}) older than an hour. Nothing else is touched, and a file that cannot
     * be removed is left; apply does not depend on it.
     *
     * @param file the file whose temporary files to look for (its directory is read)
     * @return how many were removed
     */
    public static int removeStaleTemps(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = "." + file.getFileName() + ".";
        int removed = 0;
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !n.endsWith(".tmp")) continue;
                String middle = n.substring(prefix.length(), n.length() - ".tmp".length());
                if (stale(p, middle)) {
                    try {
                        Files.delete(p);
                        removed++;
                    } catch (IOException e) {
                        // another apply removed it first, or the directory is not ours to change: leave it
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable directory: the write that follows will say so
        }
        return removed;
    }

    private static boolean stale(Path p, String middle) {
        boolean ours = middle.matches("cpa-[0-9]{1,19}-[0-9a-f]{1,16}");
        boolean earlier = middle.matches("[0-9]{1,20}"); // Files.createTempFile's naming, used before
        if (!ours && !earlier) return false;
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) return false;
            boolean old = a.lastModifiedTime().toInstant().isBefore(java.time.Instant.now().minus(STALE));
            if (earlier || old) return old;
            long pid = Long.parseLong(middle.substring(4, middle.indexOf('-', 4)));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
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
        String m = e.getMessage(); // the OS's words (a write on a full disk says "No space left on device")
        return m == null || m.isEmpty() ? "input/output error" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
