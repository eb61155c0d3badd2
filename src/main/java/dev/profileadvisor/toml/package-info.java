/**
 * TOML text as every part of the project reads it: {@link dev.profileadvisor.toml.TomlText} parses with tomlj in
 * time linear in the input (tomlj 2.2.0 takes time cubic in the length of a run of comment or blank lines) and maps
 * the positions tomlj reports back to the lines of the text as written.
 */
package dev.profileadvisor.toml;
