package org.incrowd.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Properties;
import org.incrowd.shared.SettingRejected;
import org.junit.jupiter.api.Test;

/**
 * bcrypt's cost: production hashes at Spring Security's default, and a change of the cost never locks anyone out
 * (tests hash at the lowest cost to save the suite's time, so the production setting is checked here).
 */
class PasswordHashingTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void productionHashesNewPasswordsAtCostTen() throws IOException {
        var properties = new Properties();
        try (var in = PasswordHashingTests.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        int strength = Integer.parseInt(properties.getProperty("incrowd.passwords.bcrypt-strength"));

        assertThat(strength).isEqualTo(PasswordHashing.DEFAULT_BCRYPT_STRENGTH).isEqualTo(10);
        assertThat(PasswordHashing.encoder(strength).encode(PASSWORD)).startsWith("{bcrypt-sha256}$2a$10$");
    }

    @Test
    void aHashKeepsTheCostItWasMadeWithSoAChangedCostSignsNoOneOut() {
        var cheap = PasswordHashing.encoder(4);
        var dear = PasswordHashing.encoder(10);

        String madeBefore = dear.encode(PASSWORD);
        String madeAfter = cheap.encode(PASSWORD);

        assertThat(madeAfter).startsWith("{bcrypt-sha256}$2a$04$");
        assertThat(cheap.matches(PASSWORD, madeBefore)).isTrue();
        assertThat(dear.matches(PASSWORD, madeAfter)).isTrue();
        assertThat(cheap.matches("wrong horse battery staple", madeBefore)).isFalse();
    }

    @Test
    void aCostBcryptCannotUseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> PasswordHashing.encoder(3)).isInstanceOf(SettingRejected.class)
                .hasMessageContaining("incrowd.passwords.bcrypt-strength must be between 4 and 31");
        assertThatThrownBy(() -> PasswordHashing.encoder(32)).isInstanceOf(SettingRejected.class)
                .hasMessageContaining("not 32");
    }
}
