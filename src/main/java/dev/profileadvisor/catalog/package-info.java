/**
 * The rule catalogue: the rule files as read ({@code RuleFile}), each rule's documentation and cases from its TOML
 * sidecar ({@code RuleDoc}, {@code RuleCase}, loaded and checked by {@code RuleCatalog}), and the message templates
 * findings are worded with ({@code MessageTemplate}).
 */
package dev.profileadvisor.catalog;
