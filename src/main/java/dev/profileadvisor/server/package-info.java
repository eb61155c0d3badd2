/**
 * The advisor as a JSON HTTP API ({@code cargo-profile-advisor serve}): {@link dev.profileadvisor.server.AdvisorServer}
 * on Jetty's core server, configured by {@link dev.profileadvisor.server.ServerOptions}; no Jetty type is in a public
 * signature. The documents come from {@link dev.profileadvisor.json.JsonDocuments}, and the OpenAPI 3.1 description
 * and JSON Schemas are bundled in the jar ({@code openapi.json}, {@code schemas/}).
 */
package dev.profileadvisor.server;
