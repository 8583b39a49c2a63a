// Behind a reverse proxy that terminates TLS, a request reaches us over plain HTTP from the proxy's
// address; the proxy says what it saw in X-Forwarded-Proto and X-Forwarded-For. Those headers are
// believed from the configured proxies only (anyone can send them), and then the request counts as
// HTTPS or not as the proxy says, and its client is the proxy's client (for the plain-HTTP rule and
// the rate limits). X-Forwarded-For is read from the right: each proxy appends the address it was
// reached from, so the rightmost address that is not one of our proxies is the client; the entries
// left of it are whatever the client wrote. (Jetty's ForwardedRequestCustomizer trusts every sender.)
package microjam.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

final class TrustedProxies implements HttpConfiguration.Customizer {
    static final String FORWARDED_PROTO = "X-Forwarded-Proto", FORWARDED_FOR = "X-Forwarded-For";
    private static final InetSocketAddress UNKNOWN = InetSocketAddress.createUnresolved("unknown", 0);

    private final ClientAddresses proxies;

    TrustedProxies(ClientAddresses proxies) {
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer) || !proxies.contains(peer.getAddress()))
            return request;
        HttpFields headers = request.getHeaders();
        String proto = last(headers.getCSV(FORWARDED_PROTO, false));
        boolean secure = proto == null ? request.isSecure() : proto.equalsIgnoreCase(HttpScheme.HTTPS.asString());
        InetSocketAddress client = client(headers.getCSV(FORWARDED_FOR, false), peer.getAddress());
        HttpURI uri = secure == request.isSecure() ? request.getHttpURI()
                : HttpURI.build(request.getHttpURI()).scheme(secure ? HttpScheme.HTTPS : HttpScheme.HTTP).asImmutable();
        ConnectionMetaData connection = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return client;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return connection;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }

    // The rightmost address that is not one of our proxies; the nearest proxy's own address if there is none.
    // A value that is no address breaks the chain: the client is then unknown, so never one that may use plain HTTP.
    private InetSocketAddress client(List<String> forwardedFor, InetAddress peer) {
        InetAddress client = peer;
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            InetAddress hop = address(forwardedFor.get(i));
            if (hop == null) return UNKNOWN;
            client = hop;
            if (!proxies.contains(hop)) break;
        }
        return new InetSocketAddress(client, 0);
    }

    // "192.0.2.1", "2001:db8::1", and the forms with a port some proxies write: "192.0.2.1:4711", "[2001:db8::1]:4711".
    private static InetAddress address(String value) {
        String v = value.strip();
        if (v.startsWith("[") && v.contains("]")) return ClientAddresses.literal(v.substring(1, v.indexOf(']')));
        int colon = v.indexOf(':');
        if (colon > 0 && colon == v.lastIndexOf(':')) return ClientAddresses.literal(v.substring(0, colon));
        return ClientAddresses.literal(v);
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.getLast().strip();
    }
}
