package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.Secret;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link TokenStore} guarantees; subclasses supply the store. */
public abstract class TokenStoreContract {
    public static final Instant T0 = Instant.parse("2026-07-20T17:00:00Z");

    protected abstract TokenStore store();

    public static TokenStore.Stored row(String token, Instant refreshExpiry) {
        return new TokenStore.Stored(Secret.of(token), "ab".repeat(32), refreshExpiry, T0.plusSeconds(999), T0, 0);
    }

    @Test
    public void emptyUntilSaved() throws Exception {
        assertThat(store().load("qbo")).isEmpty();
    }

    @Test
    public void firstSaveExpectsVersionZeroAndStoresEveryField() throws Exception {
        assertThat(store().save("qbo", 0, row("token-1", T0.plusSeconds(60)))).isTrue();
        TokenStore.Stored s = store().load("qbo").orElseThrow();
        assertThat(s.refreshToken().reveal()).isEqualTo("token-1");
        assertThat(s.seedFingerprint()).isEqualTo("ab".repeat(32));
        assertThat(s.refreshExpiresAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(s.hardExpiresAt()).isEqualTo(T0.plusSeconds(999));
        assertThat(s.updatedAt()).isEqualTo(T0);
        assertThat(s.version()).isEqualTo(1);
    }

    @Test
    public void saveIsACompareAndSetOnTheVersion() throws Exception {
        assertThat(store().save("qbo", 0, row("token-1", null))).isTrue();
        assertThat(store().save("qbo", 0, row("lost-race", null))).isFalse();
        assertThat(store().save("qbo", 2, row("from-the-future", null))).isFalse();
        assertThat(store().save("qbo", 1, row("token-2", null))).isTrue();
        TokenStore.Stored s = store().load("qbo").orElseThrow();
        assertThat(s.refreshToken().reveal()).isEqualTo("token-2");
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.refreshExpiresAt()).isNull();
    }

    @Test
    public void connectionsAreIndependentAndToStringHidesTheToken() throws Exception {
        store().save("qbo-a", 0, row("token-a", null));
        store().save("qbo-b", 0, row("token-b", null));
        assertThat(store().load("qbo-a").orElseThrow().refreshToken().reveal()).isEqualTo("token-a");
        assertThat(store().load("qbo-b").orElseThrow().toString()).doesNotContain("token-b");
    }
}
