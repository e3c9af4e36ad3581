package com.lucenthq.mcp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.jdbc.TokenDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code token create} refuses names that could pass for other names, with TokenName's message. */
class TokenNameSpoofingCliTest {

    @TempDir
    Path dataDir;

    @Test
    void zeroWidthBidiAndLoneSurrogateNamesAreAClearErrorAndNothingIsCreated() {
        for (String name : new String[] {"lap\u200Btop", "laptop \u202Ecod.exe", "a\uD800b"}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = LucentMcp.commandLine();
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(err));
            int exit = commandLine.execute("token", "create", "--org", "acme", "--name", name, "--data-dir", dataDir.toString());
            assertNotEquals(0, exit, name);
            assertTrue(err.toString().contains("name must"), err.toString());
            assertTrue(err.toString().contains("U+"), "the message names the character: " + err);
            assertEquals("", out.toString(), "no token printed");
        }
        // The name is refused before anything is opened: not even a token database was created.
        assertFalse(TokenDatabase.h2FileExists(dataDir), "nothing was stored");
    }
}
