package dev.profileadvisor.facts;

/**
 * An id an {@code allow} list of the advisor's manifest metadata names (audit input fact, one per entry):
 * {@code [workspace.metadata.profile-advisor]} or {@code [package.metadata.profile-advisor]}.
 *
 * @param file     the manifest
 * @param line     line of the entry
 * @param column   column of the entry
 * @param id       the id as written
 * @param table    the table it is in ({@code workspace.metadata.profile-advisor} or {@code package.metadata.profile-advisor})
 * @param finding  whether the id is a finding's (only findings can be allowed)
 * @param ruleKind the kind of the rule it names when that rule reports no findings ({@code preference}, …), else empty
 * @param closest  the finding id closest to it when it is not one and one is close, else empty
 */
public record AllowedIdFact(String file, int line, int column, String id, String table, boolean finding, String ruleKind,
                            String closest) {
}
