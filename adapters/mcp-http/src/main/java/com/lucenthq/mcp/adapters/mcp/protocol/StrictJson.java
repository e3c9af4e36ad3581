package com.lucenthq.mcp.adapters.mcp.protocol;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The mapper that reads request bodies: a body with a duplicate member name, or with anything after its first JSON
 * value, is not valid JSON here. Lenient parsers disagree on which duplicate wins and whether trailing data counts; a
 * proxy or firewall that reads the first {@code "name"}, or the whole body, must never see a different message than
 * the one we run. Reading to the end also consumes the whole body, so the connection can be reused.
 */
final class StrictJson {

    private StrictJson() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
