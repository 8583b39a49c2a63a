// A set of client addresses, written as a comma-separated list of address literals and CIDR ranges
// ("127.0.0.0/8,::1"): who may use plain HTTP, which proxies are trusted. Literals only: a host name
// would be looked up in DNS, once, at start, and could point elsewhere later. Matching is Jetty's.
package microjam.web;

import org.eclipse.jetty.util.InetAddressSet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

public final class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    // (after the patterns above, which parsing uses)
    public static final ClientAddresses LOOPBACK = parse("127.0.0.0/8,::1");
    public static final ClientAddresses NONE = parse("");

    private final List<String> patterns;
    private final InetAddressSet set = new InetAddressSet();

    private ClientAddresses(List<String> patterns) {
        this.patterns = patterns;
        for (String pattern : patterns) set.add(pattern);
    }

    /** "ADDRESS" or "ADDRESS/BITS", comma-separated; blank for none. */
    public static ClientAddresses parse(String list) {
        List<String> patterns = list == null ? List.of() : Arrays.stream(list.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        for (String pattern : patterns) {
            int slash = pattern.indexOf('/');
            String address = slash < 0 ? pattern : pattern.substring(0, slash);
            if (literal(address) == null) throw new IllegalArgumentException("not an IP address or CIDR range: " + pattern);
            if (slash >= 0 && !pattern.substring(slash + 1).matches("\\d{1,3}")) throw new IllegalArgumentException("not a CIDR range: " + pattern);
        }
        try {
            return new ClientAddresses(patterns);
        } catch (IllegalArgumentException e) { // Jetty's word on a range, e.g. bits set past the prefix
            throw new IllegalArgumentException("not a CIDR range: " + String.join(",", patterns) + " (" + e.getMessage() + ")", e);
        }
    }

    public boolean contains(InetAddress address) {
        return address != null && set.test(address);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The address an IP literal ("192.0.2.1", "::1", "[::1]") names, or null if the text is not one; never asks DNS. */
    public static InetAddress literal(String text) {
        if (text == null) return null;
        String bare = text.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) bare = bare.substring(1, bare.length() - 1);
        int zone = bare.indexOf('%');
        if (zone >= 0 && bare.contains(":")) bare = bare.substring(0, zone);
        boolean v4 = IPV4.matcher(bare).matches();
        if (!v4 && !IPV6.matcher(bare).matches()) return null;
        try {
            // A literal: only its format is checked. In brackets, a malformed IPv6 literal fails here instead of going to DNS.
            return InetAddress.getByName(v4 ? bare : "[" + bare + "]");
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
