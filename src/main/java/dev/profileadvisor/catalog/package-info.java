/**
 * The rule catalogue: the rule files as read ({@code RuleFile}), each rule's documentation and cases from its TOML
 * sidecar ({@code RuleDoc}, {@code RuleCase}, loaded and checked by {@code RuleCatalog}), the message templates
 * findings are worded with ({@code MessageTemplate}, with their optional parts), and the values each rule's
 * consequence passes to them, read from the DRL text ({@code SuppliedValues}).
 */
package dev.profileadvisor.catalog;
