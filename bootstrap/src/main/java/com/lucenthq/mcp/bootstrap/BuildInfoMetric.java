package com.lucenthq.mcp.bootstrap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code lucent_mcp_build_info{version,commit} 1}: which build each replica runs, for dashboards and alerts. */
final class BuildInfoMetric {

    private BuildInfoMetric() {
    }

    static void register(MeterRegistry meters, Version version) {
        Gauge.builder("lucent.mcp.build.info", () -> 1)
                .description("The version and git commit of this build; always 1")
                .tag("version", version.version())
                .tag("commit", version.commit())
                .register(meters);
    }
}
