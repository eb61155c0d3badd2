/**
 * The Drools-free facade {@link dev.profileadvisor.ProfileAdvisor} and the vocabulary every feature shares
 * ({@link dev.profileadvisor.AdvisorException}, {@link dev.profileadvisor.Problem}, {@link dev.profileadvisor.Severity},
 * {@link dev.profileadvisor.GoalWeight}). Each feature has its package: {@code recommend}, {@code audit},
 * {@code apply}, {@code explain}, {@code authoring}; the rules run in {@code engine} over the records in
 * {@code facts}, documented by {@code catalog}.
 */
package dev.profileadvisor;
