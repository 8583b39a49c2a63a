// Who a request comes from, for limits: the connection's address, IPv6 grouped by its /64 (one
// subscriber's whole network), so an attacker cannot dodge a limit by hopping across addresses
// their provider hands out in bulk. Kept in memory only; never stored or logged.
package microjam.web;

import io.javalin.http.Context;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

final class ClientAddress {
    private static final int IPV6_PREFIX_BYTES = 8; // a /64

    private ClientAddress() {
    }

    /** The key of this request's client address for limits. */
    static String of(Context ctx) {
        return group(ctx.req().getRemoteAddr());
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network. */
    static String group(String literal) {
        if (literal == null || literal.isEmpty()) return "unknown";
        if (literal.indexOf(':') < 0) return literal;
        InetAddress address = ClientAddresses.literal(literal); // parsed, never looked up
        return address == null ? literal : group(address);
    }

    /** The same for an address: IPv6 addresses that share their first 64 bits are one client. */
    static String group(InetAddress address) {
        if (!(address instanceof Inet6Address)) return address.getHostAddress();
        byte[] network = address.getAddress();
        Arrays.fill(network, IPV6_PREFIX_BYTES, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
