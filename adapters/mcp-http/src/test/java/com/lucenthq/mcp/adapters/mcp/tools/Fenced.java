package com.lucenthq.mcp.adapters.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text block of an answer: the notice, then the JSON inside one untrusted-data fence. */
public final class Fenced {

    private static final Pattern FENCE = Pattern.compile("\\A" + Pattern.quote(UntrustedFence.NOTICE)
            + "\n<untrusted-data-([0-9a-f]{16})>\n(.*)\n</untrusted-data-\\1>\\z", Pattern.DOTALL);

    private Fenced() {
    }

    /** The fenced JSON of {@code text}, after checking that nothing else closes the fence. */
    public static String json(String text) {
        return fence(text).group(2);
    }

    public static String nonce(String text) {
        return fence(text).group(1);
    }

    private static Matcher fence(String text) {
        Matcher matcher = FENCE.matcher(text);
        assertTrue(matcher.matches(), "not a fenced answer: " + text);
        String closing = "</untrusted-data-" + matcher.group(1) + ">";
        assertEquals(text.length() - closing.length(), text.indexOf(closing), "the fence is closed before its end");
        return matcher;
    }
}
