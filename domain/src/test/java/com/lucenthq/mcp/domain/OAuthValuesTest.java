package com.lucenthq.mcp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.oauth.CodeChallenge;
import com.lucenthq.mcp.domain.oauth.RedirectUri;
import com.lucenthq.mcp.domain.token.AuthorizationCode;
import com.lucenthq.mcp.domain.token.RefreshToken;
import org.junit.jupiter.api.Test;

class OAuthValuesTest {

    @Test
    void redirectUrisMatchExactlyExceptForTheLoopbackPort() {
        RedirectUri loopback = RedirectUri.of("http://127.0.0.1/callback");
        assertTrue(loopback.accepts("http://127.0.0.1/callback"));
        assertTrue(loopback.accepts("http://127.0.0.1:53124/callback"), "RFC 8252 §7.3: any port");
        assertFalse(loopback.accepts("http://127.0.0.1:53124/other"));
        assertFalse(loopback.accepts("http://localhost:53124/callback"), "another host");
        assertFalse(loopback.accepts("http://127.0.0.1:53124/callback?x=1"));

        RedirectUri https = RedirectUri.of("https://app.example.com/cb");
        assertTrue(https.accepts("https://app.example.com/cb"));
        assertFalse(https.accepts("https://app.example.com:8443/cb"), "no port freedom off loopback");
        assertFalse(https.accepts("https://app.example.com/cb/"));
    }

    @Test
    void unsafeRedirectUrisAreRefused() {
        for (String uri : new String[] {"http://app.example.com/cb", "javascript:alert(1)", "data:text/html,x",
                "https://app.example.com/cb#fragment", "/relative", "https://user@app.example.com/cb"}) {
            assertThrows(InvalidValueException.class, () -> RedirectUri.of(uri), uri);
        }
        assertEquals("com.example.app:", RedirectUri.of("com.example.app:/oauth").host(), "a native app's private-use scheme");
    }

    @Test
    void anS256ChallengeIsVerifiedOnlyByItsVerifier() {
        // RFC 7636 Appendix B.
        CodeChallenge challenge = CodeChallenge.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertTrue(challenge.isVerifiedBy("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assertFalse(challenge.isVerifiedBy("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl"));
        assertFalse(challenge.isVerifiedBy("short"));
        assertFalse(challenge.isVerifiedBy(null));
        assertThrows(InvalidValueException.class, () -> CodeChallenge.of("plain-verifier"));
    }

    @Test
    void codesAndRefreshTokensHideTheirSecret() {
        AuthorizationCode code = AuthorizationCode.parse(AuthorizationCode.PREFIX + "A".repeat(43));
        RefreshToken refresh = RefreshToken.parse(RefreshToken.PREFIX + "B".repeat(43));
        assertFalse(code.toString().contains("AAAA"));
        assertFalse(refresh.toString().contains("BBBB"));
        assertThrows(InvalidValueException.class, () -> RefreshToken.parse("luc_mcp_" + "B".repeat(43)));
    }
}
