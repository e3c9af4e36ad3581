package com.lucenthq.mcp.bootstrap;

/** This build's version, from the jar manifest when there is one. */
final class Version {

    private Version() {
    }

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
