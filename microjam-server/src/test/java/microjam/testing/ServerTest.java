// Base of the API tests that run once per database engine, against that engine's shared server.
// Subclasses are annotated @ParameterizedClass @EnumSource(Engine.class).
package microjam.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;

public abstract class ServerTest {
    @Parameter
    public Engine engine;
    public TestServer server;
    public Api api;

    @BeforeEach
    void connect() {
        server = TestServer.shared(engine);
        api = server.http();
    }
}
