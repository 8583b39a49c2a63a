// Tokens: full-entropy, well-formed only, compared by hash in constant time.
package microjam.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {
    @Test
    void tokensAre43Base64UrlCharactersAndEachIsNew() {
        String token = Tokens.newToken();
        assertThat(Tokens.looksLikeToken(token)).isTrue();
        assertThat(Tokens.newToken()).isNotEqualTo(token);
        assertThat(Tokens.hash(token)).hasSize(64).isEqualTo(Tokens.hash(token)).isNotEqualTo(Tokens.hash(Tokens.newToken()));
    }

    @Test
    void anythingElseIsNotATokenAndIsRefusedBeforeAnyLookup() {
        String token = Tokens.newToken();
        for (String bad : new String[]{null, "", token.substring(1), token + "A", token.substring(1) + "+", token.substring(1) + "/",
                token.substring(1) + "=", token.substring(1) + " ", token.substring(1) + "é", "x".repeat(4000)})
            assertThat(Tokens.looksLikeToken(bad)).as(String.valueOf(bad)).isFalse();
    }

    @Test
    void hashesAreComparedWhole() {
        String a = Tokens.hash("a"), b = Tokens.hash("b");
        assertThat(Tokens.sameHash(a, a)).isTrue();
        assertThat(Tokens.sameHash(a, b)).isFalse();
        assertThat(Tokens.sameHash(a, a.substring(0, 63) + (a.charAt(63) == '0' ? '1' : '0'))).isFalse();
    }
}
