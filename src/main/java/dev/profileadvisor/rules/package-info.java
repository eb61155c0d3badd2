/**
 * The rule engine and what {@code rules/} holds: compiling the DRL files into one shared rule base, the fact
 * types rules match and derive ({@link dev.profileadvisor.rules.Preference}, {@link dev.profileadvisor.rules.Veto},
 * {@link dev.profileadvisor.rules.Decision}, …), running one short-lived session per request with a firing limit,
 * and the documentation and cases kept beside each DRL file. The only package that imports Drools.
 */
package dev.profileadvisor.rules;
