/**
 * The {@code cargo-profile-advisor} command line (picocli): subcommands, renderers for text and JSON, and exit
 * codes. Prints messages, never stack traces (unless {@code --verbose}).
 */
package dev.profileadvisor.cli;
