package org.incrowd.webhook.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses a webhook may call. Incrowd runs inside the organisation's network, so a webhook must never be a way
 * to reach what only Incrowd can reach (server-side request forgery): by default only {@code https} to public
 * addresses. The host is checked when the webhook is registered and again, resolved afresh, before every delivery, so
 * a name that later points inside is refused too. {@code incrowd.webhooks.allow-private=true} (tests, a demo on one
 * machine) also allows private addresses, and plain {@code http} to this machine.
 */
@Component
class WebhookAddresses {

    static final int MAX_URL = 2000;

    private final boolean allowPrivate;

    WebhookAddresses(@Value("${incrowd.webhooks.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The address as given, checked; refused with a message for the {@code url} field otherwise. */
    URI check(String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            throw Refusal.invalid("url", "webhook.url.required");
        }
        if (trimmed.length() > MAX_URL) {
            throw Refusal.invalid("url", "form.tooLong");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw Refusal.invalid("url", "webhook.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw Refusal.invalid("url", "webhook.url.invalid");
        }
        if (scheme.equals("http") && !(allowPrivate && isLoopbackName(uri.getHost()))) {
            throw Refusal.invalid("url", "webhook.url.https");
        }
        try {
            refusePrivate(uri);
        } catch (UnknownHostException unknown) {
            // A name this node cannot resolve now may resolve later; each delivery resolves it again and says so.
        }
        return uri;
    }

    /**
     * Refuses a host that is, or resolves to, an address in a private network (loopback, link-local, site-local,
     * unique-local, carrier-grade NAT, wildcard or multicast), unless such addresses are allowed.
     */
    void refusePrivate(URI uri) throws UnknownHostException {
        if (allowPrivate) {
            return;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (isPrivate(address)) {
                throw Refusal.invalid("url", "webhook.url.private");
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc; // unique local, fc00::/7
    }

    private static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }
}
