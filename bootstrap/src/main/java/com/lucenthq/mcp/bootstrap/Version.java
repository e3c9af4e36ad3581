package com.lucenthq.mcp.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * This build: the project version and the git commit it was built from, as filtered into
 * {@code lucent-mcp-build.properties} by Maven. A build from a source tree without git has the commit "unknown".
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the full git commit id, or {@code unknown}
 */
record Version(String version, String commit) {

    static final String UNKNOWN = "unknown";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Version CURRENT = load();

    static Version current() {
        return CURRENT;
    }

    /** One string for serverInfo.version and the CLI: the version with the short commit as semver build metadata. */
    String text() {
        return version + "+" + shortCommit();
    }

    String shortCommit() {
        return commit.equals(UNKNOWN) ? UNKNOWN : commit.substring(0, 12);
    }

    private static Version load() {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/lucent-mcp-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled build properties", e);
        }
        String version = build.getProperty("version", "");
        String commit = build.getProperty("commit", "");
        // An unfiltered placeholder means the property was not set at build time.
        return new Version(version.isBlank() || version.startsWith("${") ? UNKNOWN : version,
                COMMIT.matcher(commit).matches() ? commit : UNKNOWN);
    }
}
