package dev.profileadvisor.apply;

import dev.profileadvisor.recommend.Recommendation;

import dev.profileadvisor.edit.Change;
import dev.profileadvisor.edit.EditResult;
import dev.profileadvisor.edit.FileSnapshot;

import java.util.List;

/**
 * What {@code apply} would do to a workspace's root {@code Cargo.toml}, computed without writing anything.
 * {@link dev.profileadvisor.edit.SafeWrite#replace(FileSnapshot, String)} writes it.
 *
 * @param file           the root manifest as it was read (path, name in messages, text, hash, modification time)
 * @param named          the manifest the user named, as shown in messages; differs from {@code file.display()}
 *                       when run from a workspace member
 * @param recommendation the recommendation written
 * @param text           the manifest's text after the edit ({@code file.text()} when nothing changes)
 * @param changes        the keys set or changed, with their lines in the new text
 * @param layout         how the profile is written in the file
 * @param notes          what stays as it is but works against the recommendation
 * @param diff           the unified diff ({@code --- a/FILE}, {@code +++ b/FILE}); empty when nothing changes
 * @param config         what it would do to {@code .cargo/config.toml} for the plan's target settings; empty when the
 *                       plan has none
 */
public record ApplyPlan(FileSnapshot file, String named, Recommendation recommendation, String text, List<Change> changes,
                        EditResult.Layout layout, List<ApplyNote> notes, String diff, java.util.Optional<ConfigPlan> config) {
    /**
     * Copies the lists.
     *
     * @param file           the root manifest as it was read (path, name in messages, text, hash, modification time)
     * @param named          the manifest the user named, as shown in messages; differs from {@code file.display()} when run from a workspace member
     * @param recommendation the recommendation written
     * @param text           the manifest's text after the edit ({@code file.text()} when nothing changes)
     * @param changes        the keys set or changed, with their lines in the new text
     * @param layout         how the profile is written in the file
     * @param notes          what stays as it is but works against the recommendation
     * @param diff           the unified diff ({@code --- a/FILE}, {@code +++ b/FILE}); empty when nothing changes
     * @param config         what it would do to {@code .cargo/config.toml}; empty when the plan has no target settings
     */
    public ApplyPlan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** @return whether applying would change the manifest */
    public boolean changesFile() {
        return !changes.isEmpty();
    }

    /** @return whether applying would change the manifest or the config file */
    public boolean changesAnything() {
        return changesFile() || config.map(ConfigPlan::changesFile).orElse(false);
    }

    /** @return the diff of both files, the manifest's first: one patch for {@code git apply} */
    public String fullDiff() {
        return diff + config.map(ConfigPlan::diff).orElse("");
    }

    /** @return whether the user named a workspace member rather than the root manifest */
    public boolean fromMember() {
        return !named.equals(file.display());
    }
}
