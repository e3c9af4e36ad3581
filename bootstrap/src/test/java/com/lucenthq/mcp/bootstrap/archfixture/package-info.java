/**
 * Classes that break the architecture rules on purpose, one rule or more each, laid out like the production packages
 * under their own root. Test-only: {@code ArchitectureRulesFailTest} points every rule at this root and shows that it
 * fails on them. Nothing here runs.
 */
package com.lucenthq.mcp.bootstrap.archfixture;
