/**
 * Auditing workspaces: the request, the {@link dev.profileadvisor.audit.Auditor} that turns a loaded project into
 * audit facts and runs the {@code rules/audit} rules, and the report it returns (effective profiles with the origin of
 * every value and the rustc flags, and findings rendered from the rules' documented messages).
 */
package dev.profileadvisor.audit;
