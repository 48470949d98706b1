package com.sigmatiq.alert.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where users' webhooks may point. On a shared deployment a webhook must not reach the service's own network: its
 * host's addresses may not be loopback, unspecified, link-local (cloud metadata among them), private (RFC 1918, IPv6
 * unique local), carrier-grade NAT or multicast. Checked when a destination is saved and again at each delivery (a
 * name may resolve elsewhere later). A developer machine (local mode) may allow them.
 */
public final class WebhookTargets {

    private final boolean privateAllowed;

    public WebhookTargets(boolean privateAllowed) {
        this.privateAllowed = privateAllowed;
    }

    public boolean privateAllowed() {
        return privateAllowed;
    }

    /** Why a webhook may not be sent to {@code url}, or empty when it may. */
    public Optional<String> refusal(String url) {
        if (privateAllowed) {
            return Optional.empty();
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.of("not a usable URL");
        }
        if (host == null || host.isEmpty()) {
            return Optional.of("has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("its host " + host + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return Optional.of("its host " + host + " is a loopback, private, link-local or multicast address ("
                        + a.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC;                             // fc00::/7, unique local
        }
        return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64            // 100.64.0.0/10, carrier-grade NAT
                || (b[0] & 0xFF) == 0;                                // 0.0.0.0/8
    }
}
