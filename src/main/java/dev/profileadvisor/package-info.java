/**
 * The public face of cargo-profile-advisor: {@link dev.profileadvisor.ProfileAdvisor} and the immutable records
 * it returns. Nothing here mentions Drools; the rule engine lives in {@code dev.profileadvisor.rules}.
 */
package dev.profileadvisor;
