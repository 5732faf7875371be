package org.incrowd.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.incrowd.shared.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Webhooks must not reach into the network Incrowd runs in (server-side request forgery). */
class WebhookAddressesTests {

    final WebhookAddresses byDefault = new WebhookAddresses(false);
    final WebhookAddresses allowingPrivate = new WebhookAddresses(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://10.0.0.7/hook", "https://172.16.3.4/hook",
            "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://localhost/hook", "https://[::ffff:10.0.0.1]/hook"})
    void aPrivateAddressIsRefusedByDefault(String url) {
        assertThatThrownBy(() -> byDefault.check(url)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).messageKey()).isEqualTo("webhook.url.private"));
    }

    @Test
    void aNameIsResolvedSoOnePointingInsideIsRefusedAtDeliveryToo() {
        assertThatThrownBy(() -> byDefault.refusePrivate(URI.create("https://localhost:8443/hook")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aPrivateAddressIsAcceptedWhereAllowed() throws Exception {
        assertThat(allowingPrivate.check("http://127.0.0.1:8080/hook")).hasHost("127.0.0.1");
        assertThat(allowingPrivate.check("https://10.0.0.7/hook")).hasHost("10.0.0.7");
        allowingPrivate.refusePrivate(URI.create("https://localhost/hook"));
    }

    @Test
    void plainHttpIsRefusedExceptToThisMachineWhereAllowed() {
        assertThatThrownBy(() -> byDefault.check("http://hooks.example.org/incrowd"))
                .satisfies(e -> assertThat(((Refusal) e).messageKey()).isEqualTo("webhook.url.https"));
        assertThatThrownBy(() -> allowingPrivate.check("http://hooks.example.org/incrowd"))
                .satisfies(e -> assertThat(((Refusal) e).messageKey()).isEqualTo("webhook.url.https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.org", "ftp://hooks.example.org/", "https://user:pw@hooks.example.org/",
            "https:///nohost", "javascript:alert(1)"})
    void somethingThatIsNoWebAddressIsRefusedSayingSo(String url) {
        assertThatThrownBy(() -> byDefault.check(url)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("url"));
    }

    @Test
    void aPublicAddressIsAccepted() {
        assertThat(byDefault.check("https://93.184.215.14/incrowd")).hasScheme("https");
    }
}
