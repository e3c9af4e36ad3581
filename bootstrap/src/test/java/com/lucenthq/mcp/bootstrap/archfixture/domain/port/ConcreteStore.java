package com.lucenthq.mcp.bootstrap.archfixture.domain.port;

/** A port that is a class. */
public class ConcreteStore {
}
