package dev.profileadvisor.facts;

/**
 * A value of a profile key that lost its decision narrowly: worth building beside the decided one when the user
 * measures ({@code measure --candidates alternatives}).
 *
 * @param key    setting key
 * @param value  the runner-up value id
 * @param chosen the decided value id
 * @param gap    how many weighted points it scored below the decided value (0 on a tie lost to order)
 * @param rule   rule id
 */
public record Alternative(String key, String value, String chosen, int gap, String rule) {
}
