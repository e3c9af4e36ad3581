package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** Standard output outside the command line. */
final class Prints {
    void print(String line) {
        System.out.println(line);
    }
}
