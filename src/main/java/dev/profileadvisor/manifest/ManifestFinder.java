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
import java.util.Set;
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
 */
public final class ManifestFinder {
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules");
    /** File systems whose directory link count is 2 + subdirectories (GNU fts treats them the same way). */
    private static final Set<String> EXACT_LINK_COUNT = Set.of("ext2", "ext3", "ext4", "tmpfs");
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final String ATTRIBUTES = "unix:isDirectory,isRegularFile,nlink,dev";

    private final List<Path> found = new ArrayList<>();
    private final BiConsumer<Path, IOException> failed;

    private ManifestFinder(BiConsumer<Path, IOException> failed) {
        this.failed = failed;
    }

    /**
     * @param dir    the directory to search (when it is a symbolic link, the directory it leads to)
     * @param failed told about every entry that could not be read (permission denied, vanished, …); the walk goes on
     * @return the absolute, normalised paths of the manifests found, sorted
     * @throws IOException when {@code dir} itself cannot be read
     */
    public static List<Path> below(Path dir, BiConsumer<Path, IOException> failed) throws IOException {
        return below(dir, failed, true);
    }

    /** As {@link #below(Path, BiConsumer)}; {@code trustLinkCounts = false} reads every entry's type (for tests). */
    static List<Path> below(Path dir, BiConsumer<Path, IOException> failed, boolean trustLinkCounts) throws IOException {
        ManifestFinder finder = new ManifestFinder(failed);
        Entry root = Entry.of(dir, true);
        if (root.directory()) finder.visit(dir.toAbsolutePath().normalize(), root, trustLinkCounts && linkCountIsExact(dir));
        finder.found.sort(null);
        return finder.found;
    }

    private void visit(Path dir, Entry self, boolean exactLinks) {
        // Subdirectories still to meet; -1: unknown, so every entry's type is read.
        long subdirs = exactLinks && self.links() >= 2 ? self.links() - 2 : -1;
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) names.add(p.getFileName().toString());
        } catch (IOException e) {
            failed.accept(dir, e);
            return;
        } catch (java.nio.file.DirectoryIteratorException e) {
            failed.accept(dir, e.getCause());
            return;
        }
        for (String name : names) {
            Path child = dir.resolve(name);
            if (name.equals("Cargo.toml")) {
                Entry e = read(child);
                if (e == null) continue;
                if (e.regularFile()) found.add(child);
                if (!e.directory()) continue;
                subdirs--;
                visitChild(child, name, e, exactLinks, self);
                continue;
            }
            if (subdirs == 0) continue; // every subdirectory met: the rest are files, links, sockets, …
            Entry e = read(child);
            if (e == null || !e.directory()) continue;
            subdirs--;
            visitChild(child, name, e, exactLinks, self);
        }
    }

    private void visitChild(Path child, String name, Entry e, boolean exactLinks, Entry parent) {
        if (SKIPPED_DIRS.contains(name) || name.startsWith(".")) return;
        boolean exact = e.device() == parent.device() ? exactLinks : linkCountIsExact(child); // a mount point
        visit(child, e, exact);
    }

    private Entry read(Path p) {
        try {
            return Entry.of(p, false);
        } catch (IOException e) {
            failed.accept(p, e);
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
