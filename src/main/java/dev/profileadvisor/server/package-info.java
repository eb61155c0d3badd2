/**
 * The advisor as a JSON HTTP API ({@code cargo-profile-advisor serve}): {@link dev.profileadvisor.server.AdvisorServer}
 * on the JDK's built-in {@code com.sun.net.httpserver}, configured by {@link dev.profileadvisor.server.ServerOptions}.
 * It adds no dependency to the library: the documents come from {@link dev.profileadvisor.json.JsonDocuments}, and
 * the OpenAPI 3.1 description and JSON Schemas are bundled in the jar ({@code openapi.json}, {@code schemas/}).
 */
package dev.profileadvisor.server;
