package dev.profileadvisor.knowledge;

/**
 * A document that backs a fact: cited by key, printed by URL.
 *
 * @param key   the kebab-case key facts cite
 * @param title human title
 * @param url   where to read it
 * @param kind  docs, blog, issue, measurement, tool or book
 */
public record Source(String key, String title, String url, String kind) {
}
