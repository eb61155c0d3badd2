package dev.profileadvisor.apply;

import dev.profileadvisor.edit.ConfigChange;
import dev.profileadvisor.edit.EditResult;
import dev.profileadvisor.edit.FileSnapshot;
import dev.profileadvisor.edit.SafeWrite;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code apply} would do to the workspace's {@code .cargo/config.toml} (the plan's target settings), computed
 * without writing anything.
 *
 * @param path    the file: {@code .cargo/config.toml} at the workspace root, or {@code .cargo/config} when only that exists
 * @param display its name in messages
 * @param file    the file as it was read; empty when it does not exist yet (apply creates it)
 * @param text    its text after the edit
 * @param changes the keys set or changed, with their lines in the new text
 * @param layout  how the host's {@code [target.TRIPLE]} table is written in it
 * @param diff    the unified diff ({@code --- /dev/null} for a new file); empty when nothing changes
 */
public record ConfigPlan(Path path, String display, Optional<FileSnapshot> file, String text, List<ConfigChange> changes,
                         EditResult.Layout layout, String diff) {
    /**
     * Copies the list.
     *
     * @param path    the file
     * @param display its name in messages
     * @param file    the file as it was read; empty when it does not exist yet
     * @param text    its text after the edit
     * @param changes the keys set or changed
     * @param layout  how the host's table is written in it
     * @param diff    the unified diff; empty when nothing changes
     */
    public ConfigPlan {
        changes = List.copyOf(changes);
    }

    /** @return whether applying would change (or create) the file */
    public boolean changesFile() {
        return !changes.isEmpty();
    }

    /** @return whether the file does not exist yet */
    public boolean creates() {
        return file.isEmpty();
    }

    /**
     * Writes the edit: replaces the file atomically, or creates it.
     *
     * @param like a file whose permissions a new file gets (the manifest)
     * @throws dev.profileadvisor.AdvisorException when the file changed (or appeared) since it was read, or cannot be written
     */
    public void write(Path like) {
        if (!changesFile()) return;
        if (file.isPresent()) SafeWrite.replace(file.get(), text);
        else SafeWrite.create(path, display, text, like);
    }
}
