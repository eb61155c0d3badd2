/**
 * What a rule maintainer runs on a working copy: every documented case ({@code rules test}) and the catalogue
 * checks ({@code rules lint}), through the public facade.
 */
package dev.profileadvisor.authoring;
