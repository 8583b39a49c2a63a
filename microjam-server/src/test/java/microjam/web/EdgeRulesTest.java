// The small decisions at the edge, case by case: who counts as a local client for /metrics (the tests
// run on loopback only, so the remote cases are shown here), which Content-Types are JSON, which paths
// are hidden files, and which method names logs and metrics may carry.
package microjam.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeRulesTest {
    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void withoutAnAdminPortOnlyLocalClientsNotForwardedByAProxyReadMetrics() throws Exception {
        MetricsAccess publicPorts = new MetricsAccess(false);
        for (String local : new String[]{"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"}) {
            assertThat(publicPorts.publicPortsServe(address(local), false)).as(local).isTrue();
            assertThat(publicPorts.publicPortsServe(address(local), true)).as("%s via a proxy", local).isFalse();
        }
        for (String remote : new String[]{"10.0.0.7", "192.168.1.20", "203.0.113.9", "0.0.0.0", "2001:db8::1", "fe80::1", "::ffff:10.0.0.7"})
            assertThat(publicPorts.publicPortsServe(address(remote), false)).as(remote).isFalse();
    }

    @Test
    void withAnAdminPortThePublicPortsServeNoOne() throws Exception {
        MetricsAccess withAdminPort = MetricsAccess.of(new ServerConfig("127.0.0.1", 0, 0, false, new Tls.Keystore(java.nio.file.Path.of("k"), "p"))
                .withMetricsPort(9091));
        assertThat(withAdminPort.publicPortsServe(address("127.0.0.1"), false)).isFalse();
        assertThat(withAdminPort.publicPortsServe(address("::1"), false)).isFalse();
    }

    @Test
    void jsonIsApplicationJsonWithAtMostCharsetUtf8() {
        Map<String, Boolean> cases = Map.ofEntries(Map.entry("application/json", true), Map.entry("APPLICATION/Json", true),
                Map.entry("application/json; charset=utf-8", true), Map.entry("application/json;charset=\"UTF-8\"", true),
                Map.entry("application/json ; charset=utf-8 ", true),
                Map.entry("application/jsonx", false), Map.entry("application/json-seq", false), Map.entry("application/json+x", false),
                Map.entry("application/json; charset=latin1", false), Map.entry("application/json; charset=utf-8; q=1", false),
                Map.entry("application/json; charset=utf-8; charset=utf-8", false), Map.entry("application/json;", false),
                Map.entry("application/json; charset=\"utf-8", false), Map.entry("application/json charset=utf-8", false),
                Map.entry("application /json", false), Map.entry("application/", false), Map.entry("", false), Map.entry("json", false));
        cases.forEach((header, json) -> assertThat(MediaType.parse(header).filter(MediaType::isJson).isPresent()).as(header).isEqualTo(json));
        assertThat(MediaType.parse("Image/PNG; Charset=\"a\\\"b\"").orElseThrow()).isEqualTo(new MediaType("image/png", Map.of("charset", "a\"b")));
    }

    @Test
    void hiddenPathsAreThoseWithADotSegmentHoweverEncoded() {
        for (String hidden : new String[]{"/.env", "/research-report/.git/config", "/research-report/%2Esecret", "/a/%2e%2e/b", "/./x", "/x/.",
                "/.well-known/x", "/a/.b;c=d"})
            assertThat(HiddenFiles.hidden(hidden)).as(hidden).isTrue();
        for (String visible : new String[]{"/", "/index.html", "/js/app.js", "/research-report/plot.v2.png", "/api/performances/01a2.csv", "/a%2Fb"})
            assertThat(HiddenFiles.hidden(visible)).as(visible).isFalse();
    }

    @Test
    void logsAndMetricsNameOnlyKnownMethods() {
        for (String known : new String[]{"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
            assertThat(MethodGuard.label(known)).isEqualTo(known);
        for (String made : new String[]{"get", "TRACE", "CONNECT", "PROPFIND", "GET route=/x", "M" + "X".repeat(1000)})
            assertThat(MethodGuard.label(made)).isEqualTo("other");
    }
}
