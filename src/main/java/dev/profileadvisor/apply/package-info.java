/**
 * What {@code apply} writes into a workspace's root {@code Cargo.toml}: the request, the
 * {@link dev.profileadvisor.apply.Planner} that edits the text in memory (writing nothing), and the plan it returns
 * with its changes, diff and notes.
 */
package dev.profileadvisor.apply;
