package dev.profileadvisor.facts;

/**
 * A remark a rule attaches to a decided setting; its text is the rule's documented message.
 *
 * @param key     setting key
 * @param rule    rule id
 */
public record Note(String key, String rule) {
}
