package dev.profileadvisor.facts;

/**
 * A criterion a goal weighs, from {@code knowledge/goals.toml} (knowledge fact).
 *
 * @param goal       goal id
 * @param criterion  criterion name
 * @param multiplier how much the goal cares
 */
public record GoalCriterion(String goal, String criterion, int multiplier) {
}
