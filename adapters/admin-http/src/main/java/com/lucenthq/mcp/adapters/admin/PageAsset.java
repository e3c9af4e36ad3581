package com.lucenthq.mcp.adapters.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** One file of the settings page, read once from the classpath, with the content type it is served as. */
record PageAsset(String contentType, byte[] bytes) {

    static final String FOLDER = "/com/lucenthq/mcp/adapters/admin/page/";

    static PageAsset load(String fileName, String contentType) {
        try (InputStream in = PageAsset.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalStateException("the settings page file " + FOLDER + fileName + " is missing from the classpath");
            }
            return new PageAsset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the settings page file " + fileName, e);
        }
    }
}
