/**
 * {@code explain}: looking an id up as a setting, a goal, a rule or a correction, and what the lookup returns.
 */
package dev.profileadvisor.explain;
