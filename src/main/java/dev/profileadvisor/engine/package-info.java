/**
 * The rule engine: DRL compiled once into a shared rule base ({@code RuleBase}), one rule base per concern compiled
 * on first use ({@code RuleSets}), standing and pooled sessions, compiled packages kept between runs
 * ({@code CompiledRulesCache}), and Drools' compiler messages made readable ({@code DrlErrors},
 * {@code ConsequenceErrors}). The only package that mentions Drools in a signature.
 */
package dev.profileadvisor.engine;
