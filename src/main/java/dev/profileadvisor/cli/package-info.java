/**
 * The {@code cargo-profile-advisor} command line (picocli): subcommands, the text renderers, and exit codes; JSON
 * comes from {@link dev.profileadvisor.json.JsonDocuments}. Prints messages, never stack traces (unless
 * {@code --verbose}).
 */
package dev.profileadvisor.cli;
