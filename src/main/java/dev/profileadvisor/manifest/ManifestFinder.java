package dev.profileadvisor.manifest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RecursiveAction;
import java.util.function.BiConsumer;

/**
 * Finds every {@code Cargo.toml} below a directory, the way {@code find DIR -name Cargo.toml} would, skipping
 * {@code target/}, {@code node_modules/} and hidden directories and following no symbolic link below the directory
 * named (like {@code find -H}: a link given as the directory itself is followed).
 *
 * <p>Most of a big tree is source files in leaf directories, and the walk's cost is one {@code lstat} per entry.
 * On file systems whose directory link count is exact (ext2/3/4, tmpfs: a directory has 2 + its number of
 * subdirectories links), the finder stops looking at a directory's entries once it has met all of its
 * subdirectories, so a leaf directory costs a listing and no {@code stat} at all; this is the "leaf optimisation"
 * of GNU find and fts. Anywhere else (other file systems, a link count below 2, no POSIX attributes) it reads every
 * entry's type, as {@link Files#walkFileTree} does.
 *
 * <p>Directories are listed in parallel (one fork/join task per directory, on the common pool, which the audit's
 * parallel streams use too): on one thread, listing a large tree's directories is a large part of a batch audit, and
 * nothing else can start before it ends (figures: docs/architecture.md). The result does not depend on the order the
 * tasks run in: manifests are sorted, and failures are reported sorted by path once the walk is over.
 */
public final class ManifestFinder {
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules");
    /** File systems whose directory link count is 2 + subdirectories (GNU fts treats them the same way). */
    private static final Set<String> EXACT_LINK_COUNT = Set.of("ext2", "ext3", "ext4", "tmpfs");
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final String ATTRIBUTES = "unix:isDirectory,isRegularFile,nlink,dev";

    private final Queue<Path> found = new ConcurrentLinkedQueue<>();
    private final Queue<Map.Entry<Path, IOException>> failures = new ConcurrentLinkedQueue<>();

    private ManifestFinder() {
    }

    /**
     * @param dir    the directory to search (when it is a symbolic link, the directory it leads to)
     * @param failed told about every entry that could not be read (permission denied, vanished, …), sorted by path,
     *               once the walk is over; the walk goes on past them
     * @return the absolute, normalised paths of the manifests found, sorted
     * @throws IOException when {@code dir} itself cannot be read
     */
    public static List<Path> below(Path dir, BiConsumer<Path, IOException> failed) throws IOException {
        return below(dir, failed, true);
    }

    /** As {@link #below(Path, BiConsumer)}; {@code trustLinkCounts = false} reads every entry's type (for tests). */
    static List<Path> below(Path dir, BiConsumer<Path, IOException> failed, boolean trustLinkCounts) throws IOException {
        ManifestFinder finder = new ManifestFinder();
        Entry root = Entry.of(dir, true);
        if (root.directory()) finder.new Visit(dir.toAbsolutePath().normalize(), root, trustLinkCounts && linkCountIsExact(dir)).invoke();
        List<Map.Entry<Path, IOException>> failures = new ArrayList<>(finder.failures);
        failures.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Path, IOException> f : failures) failed.accept(f.getKey(), f.getValue());
        List<Path> found = new ArrayList<>(finder.found);
        found.sort(null);
        return found;
    }

    /** Lists one directory, then its subdirectories as tasks of their own. */
    private final class Visit extends RecursiveAction {
        private final Path dir;
        private final Entry self;
        private final boolean exactLinks;

        Visit(Path dir, Entry self, boolean exactLinks) {
            this.dir = dir;
            this.self = self;
            this.exactLinks = exactLinks;
        }

        @Override
        protected void compute() {
            List<Visit> subdirs = new ArrayList<>();
            visit(dir, self, exactLinks, subdirs);
            if (!subdirs.isEmpty()) invokeAll(subdirs);
        }
    }

    private void visit(Path dir, Entry self, boolean exactLinks, List<Visit> next) {
        // Subdirectories still to meet; -1: unknown, so every entry's type is read.
        long subdirs = exactLinks && self.links() >= 2 ? self.links() - 2 : -1;
        List<String> names;
        try {
            names = names(dir);
        } catch (IOException e) {
            failures.add(Map.entry(dir, e));
            return;
        }
        for (String name : names) {
            if (name.equals("Cargo.toml")) {
                Path child = dir.resolve(name);
                Entry e = read(child);
                if (e == null) continue;
                if (e.regularFile()) found.add(child);
                if (!e.directory()) continue;
                subdirs--;
                visitChild(child, name, e, exactLinks, self, next);
                continue;
            }
            if (subdirs == 0) continue; // every subdirectory met: the rest are files, links, sockets, …
            Path child = dir.resolve(name);
            Entry e = read(child);
            if (e == null || !e.directory()) continue;
            subdirs--;
            visitChild(child, name, e, exactLinks, self, next);
        }
    }

    /**
     * The names in a directory. {@link java.io.File#list()} makes no {@code Path} per entry, so it lists faster than
     * a {@link DirectoryStream}, but it only says that it failed (null), so
     * a directory it cannot list is listed again through NIO, which throws the reason.
     *
     * @throws IOException why the directory cannot be listed (no such file, not a directory, permission denied, …)
     */
    static List<String> names(Path dir) throws IOException {
        String[] names = dir.toFile().list();
        if (names != null) return java.util.Arrays.asList(names);
        List<String> again = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) again.add(p.getFileName().toString());
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw e.getCause();
        }
        return again;
    }

    private void visitChild(Path child, String name, Entry e, boolean exactLinks, Entry parent, List<Visit> next) {
        if (SKIPPED_DIRS.contains(name) || name.startsWith(".")) return;
        boolean exact = e.device() == parent.device() ? exactLinks : linkCountIsExact(child); // a mount point
        next.add(new Visit(child, e, exact));
    }

    private Entry read(Path p) {
        try {
            return Entry.of(p, false);
        } catch (IOException e) {
            failures.add(Map.entry(p, e));
            return null;
        }
    }

    private static boolean linkCountIsExact(Path dir) {
        if (!UNIX) return false;
        try {
            return EXACT_LINK_COUNT.contains(Files.getFileStore(dir).type());
        } catch (IOException e) {
            return false;
        }
    }

    /** What one {@code lstat} says about an entry. */
    private record Entry(boolean directory, boolean regularFile, long links, long device) {
        static Entry of(Path p, boolean followLink) throws IOException {
            LinkOption[] how = followLink ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
            if (!UNIX) {
                var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, how);
                return new Entry(a.isDirectory(), a.isRegularFile(), -1, 0);
            }
            Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, how);
            return new Entry((Boolean) a.get("isDirectory"), (Boolean) a.get("isRegularFile"),
                    ((Number) a.get("nlink")).longValue(), ((Number) a.get("dev")).longValue());
        }
    }
}
