/**
 * {@code measure}: the plan, its runner-ups, the user's profile, cargo's defaults and peer templates built on the
 * user's own crate with the real cargo (each a custom profile given with {@code --config}, in its own target
 * directory), and what was measured of each: sizes, build and rebuild times, peak RSS, the user's command's run time
 * and instructions; the Pareto front and the best candidate per goal.
 */
package dev.profileadvisor.measure;
