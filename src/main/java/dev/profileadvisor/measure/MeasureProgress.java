package dev.profileadvisor.measure;

/** Told how a measurement goes, for a progress bar. */
public interface MeasureProgress {
    /** Says nothing. */
    MeasureProgress NONE = new MeasureProgress() {
    };

    /**
     * @param steps builds and runs to come
     */
    default void started(int steps) {
    }

    /**
     * @param what the step beginning: {@code build recommended}, {@code run round 2/5}
     */
    default void step(String what) {
    }

    /** All done (or stopped). */
    default void finished() {
    }
}
