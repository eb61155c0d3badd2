/**
 * What is true about Cargo profiles, as immutable records loaded from {@code knowledge/*.toml} by
 * {@link dev.profileadvisor.knowledge.KnowledgeLoader}: settings and their values, built-in profiles, goals,
 * effects, corrections of published claims, and the sources all of them cite.
 */
package dev.profileadvisor.knowledge;
