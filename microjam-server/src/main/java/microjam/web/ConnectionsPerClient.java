// A cap on the connections one client may hold at once, so that one machine cannot take all of
// --max-connections: a connection past its client's cap is closed as soon as it is accepted, before
// it costs a buffer or a parser. The client is its address; IPv6 clients by their /64, which one
// machine usually has all of. Trusted proxies carry many clients and are not capped. Counts are
// kept in memory only, and an address is forgotten with its last connection.
package microjam.web;

import org.eclipse.jetty.io.SelectorManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentHashMap;

final class ConnectionsPerClient implements SelectorManager.AcceptListener {

    private final int max;
    private final ClientAddresses uncapped;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SelectableChannel, String> clientOf = new ConcurrentHashMap<>();

    /** max: connections per client, 0 for no cap; uncapped: clients without one (trusted proxies). */
    ConnectionsPerClient(int max, ClientAddresses uncapped) {
        this.max = max;
        this.uncapped = uncapped;
    }

    // Jetty calls these on its acceptor and selector threads: nothing here blocks.
    @Override
    public void onAccepting(SelectableChannel channel) {
        if (max == 0) return;
        String client = client(channel);
        if (client == null) return;
        clientOf.put(channel, client);
        if (open.merge(client, 1, Integer::sum) > max) {
            try {
                channel.close(); // Jetty then fails the accept quietly and calls onAcceptFailed, which counts it out
            } catch (IOException alreadyGone) {
                // closed either way
            }
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        release(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        release(channel);
    }

    private void release(SelectableChannel channel) {
        String client = clientOf.remove(channel); // once per channel, whichever of the two calls comes
        if (client != null) open.computeIfPresent(client, (k, n) -> n == 1 ? null : n - 1);
    }

    private String client(SelectableChannel channel) {
        try {
            if (channel instanceof SocketChannel socket && socket.getRemoteAddress() instanceof InetSocketAddress remote
                    && !uncapped.contains(remote.getAddress()))
                return key(remote.getAddress());
        } catch (IOException closedMeanwhile) {
            // nothing to count
        }
        return null;
    }

    private static String key(InetAddress address) {
        return ClientAddress.group(address); // the same client as the rate limits see
    }
}
