/**
 * The records the DRL rules match and derive: request facts ({@code GoalRequest}, {@code TargetProfile}), knowledge
 * facts ({@code SettingFact}, {@code ValueFact}, {@code EffectFact}, {@code GoalCriterion}), audit facts
 * ({@code AuditProfile}, {@code AuditEntry}, {@code EffectiveFact}, {@code PackageFact}, {@code OverrideSpec},
 * {@code Recommended}) and conclusions ({@code Preference}, {@code Veto}, {@code Tally}, {@code Decision},
 * {@code Note}, {@code Finding}). Immutable, no logic beyond validation; the DRL files import them from here. What
 * rules compare is typed: {@code ValueStatus} here, and the enums the facts share with the code that computes them
 * ({@code knowledge.SettingKind}, {@code manifest.ChainProblem}, {@code manifest.Origin.Kind}); chains are lists.
 * {@code Lists} and {@code Versions} are the small functions consequences and conditions call.
 */
package dev.profileadvisor.facts;
