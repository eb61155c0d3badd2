package dev.profileadvisor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input that the advisor cannot work with: an unknown goal, a malformed rule file, a knowledge file with a
 * wrong type. It carries every problem found, each with its location; it is never a bug in the advisor.
 */
public class AdvisorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /**
     * @param problems every problem found, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public AdvisorException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("an AdvisorException needs a problem");
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem the one problem found
     */
    public AdvisorException(Problem problem) {
        this(List.of(problem));
    }

    /** @return every problem found, in the order found */
    public List<Problem> problems() {
        return problems;
    }
}
