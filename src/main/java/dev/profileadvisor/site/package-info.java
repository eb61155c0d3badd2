/**
 * The browsable rule catalogue ({@code cargo-profile-advisor docs --out DIR}): a static site written from the rule
 * docs and the knowledge themselves, every rule, goal and setting on one page with stable anchors, filtered by a
 * small script that needs no network ({@code CatalogueSite}, escaping in {@code Html}).
 */
package dev.profileadvisor.site;
