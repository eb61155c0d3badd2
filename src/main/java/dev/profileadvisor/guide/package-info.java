/**
 * {@code guide}: the dialog that walks a user through a plan on a terminal (profile, goals and weights, the
 * justified plan and its diff, then apply, edit or quit), as a state machine ({@link dev.profileadvisor.guide.Dialog})
 * that knows nothing about terminals, a JLine driver for it ({@link dev.profileadvisor.guide.TerminalGuide}), and the
 * equivalent {@code apply} command line ({@link dev.profileadvisor.guide.ApplyCommandLine}). What a plan is and how it
 * is written come from the command line through {@link dev.profileadvisor.guide.Backend}.
 */
package dev.profileadvisor.guide;
