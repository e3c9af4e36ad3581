/**
 * What joins kinds of data: an issue with the signals and insights related to it. Kept apart from {@code issue}, so
 * that {@code insight} may refer to issues without the two packages depending on each other.
 */
package com.lucenthq.mcp.domain.detail;
