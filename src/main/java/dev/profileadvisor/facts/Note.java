package dev.profileadvisor.facts;

/**
 * A remark a rule attaches to a decided setting; its text is the rule's documented message.
 *
 * @param scope   {@code profile}, {@code dependencies}, {@code package.NAME} or {@code build-override}
 * @param key     setting key
 * @param rule    rule id
 */
public record Note(String scope, String key, String rule) {
}
