package dev.profileadvisor.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a rule's documentation is on the web: the page {@code cargo-profile-advisor docs} wrote, published at a URL the
 * user gives ({@code --docs-url}), with the rule id as its anchor; otherwise the repository's {@code docs/}.
 *
 * @param page the published catalogue page, without a fragment; empty for the repository's docs
 */
public record HelpLinks(Optional<URI> page) {
    /** The repository, on the web. */
    public static final String REPOSITORY = "https://github.com/cargo-profile-advisor/cargo-profile-advisor";
    /** The repository's docs, linked when no catalogue page is configured. */
    public static final String REPOSITORY_DOCS = REPOSITORY + "/tree/main/docs";

    /**
     * Checks that a page is an absolute {@code http}, {@code https} or {@code file} URL without a fragment.
     *
     * @param page the published catalogue page, without a fragment; empty for the repository's docs
     */
    public HelpLinks {
        page.ifPresent(p -> {
            if (problem(p) != null) throw new IllegalArgumentException(problem(p));
        });
    }

    /** @return links to the repository's docs */
    public static HelpLinks repositoryDocs() {
        return new HelpLinks(Optional.empty());
    }

    /**
     * @param url what the user gave as {@code --docs-url}
     * @return links into that page
     * @throws IllegalArgumentException with a message saying what is wrong with the URL
     */
    public static HelpLinks page(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("`" + url + "` is not a URL: " + e.getReason());
        }
        return new HelpLinks(Optional.of(uri));
    }

    private static String problem(URI page) {
        String scheme = page.getScheme() == null ? "" : page.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file")) {
            return "`" + page + "` is not an absolute http, https or file URL (like `https://example.org/profile-advisor/index.html`)";
        }
        if (page.getRawFragment() != null) {
            return "`" + page + "` has a fragment; give the page without `#…`, each rule's id is added as its anchor";
        }
        return null;
    }

    /**
     * @param path a file of the repository as knowledge cites it ({@code docs/evidence/cargo-1.95.md})
     * @return its page on the web, or empty when {@code path} is not a plain relative path
     */
    public static Optional<String> repositoryFile(String path) {
        String p = path.strip();
        if (!p.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") || p.startsWith(".") || p.contains("/.")) return Optional.empty();
        return Optional.of(REPOSITORY + "/blob/main/" + p);
    }

    /** @return whether a catalogue page is configured */
    public boolean configured() {
        return page.isPresent();
    }

    /**
     * @param ruleId a rule id
     * @return {@code PAGE#ruleId} when a page is configured, else {@link #REPOSITORY_DOCS}
     */
    public String forRule(String ruleId) {
        return page.map(p -> p + "#" + ruleId).orElse(REPOSITORY_DOCS);
    }
}
