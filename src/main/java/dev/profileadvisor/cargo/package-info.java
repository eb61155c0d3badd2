/**
 * How cargo 1.95 turns profile settings into rustc flags, computed from {@code knowledge/settings.toml}:
 * the model the truth tests check against the real {@code cargo build -v}.
 */
package dev.profileadvisor.cargo;
