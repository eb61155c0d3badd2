package dev.profileadvisor.facts;

/**
 * A goal the user asked for (input fact).
 *
 * @param goal   goal id
 * @param weight positive weight
 */
public record GoalRequest(String goal, int weight) {
}
