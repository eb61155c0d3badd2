/**
 * Recommending a profile for weighted goals: the request ({@link dev.profileadvisor.recommend.Request}), the
 * {@link dev.profileadvisor.recommend.Recommender} that runs the {@code rules/recommend} rules and assembles their
 * decisions, and what it returns: the {@link dev.profileadvisor.recommend.Recommendation} with a justified
 * {@link dev.profileadvisor.recommend.SettingAdvice} per line, and the {@link dev.profileadvisor.recommend.Trace} of a run.
 */
package dev.profileadvisor.recommend;
