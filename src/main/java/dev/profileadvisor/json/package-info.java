/**
 * The versioned JSON contract: {@link dev.profileadvisor.json.JsonDocuments} builds the documents that
 * {@code --format json} prints and the HTTP API answers (recommendation, goals, rules, explain, error, health),
 * each with {@code "schemaVersion"}. The JSON Schemas (draft 2020-12) that describe them are bundled in the jar
 * under {@code schemas/}. Depends on Jackson, never on Drools.
 */
package dev.profileadvisor.json;
