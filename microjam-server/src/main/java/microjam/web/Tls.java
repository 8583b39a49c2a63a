// The HTTPS certificate: a keystore given by the operator, or a self-signed one for localhost that is
// made on first start in the data directory (with the JDK's keytool) and reused afterwards; and the
// protocols and cipher suites HTTPS speaks.
package microjam.web;

import microjam.store.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

public final class Tls {
    public record Keystore(Path file, String password) {
        @Override
        public String toString() {
            return "Keystore[" + file + "]"; // never print the password
        }
    }

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /**
     * TLS 1.3's suites (all AEAD with forward secrecy), and for TLS 1.2 only ECDHE key exchange with
     * GCM or ChaCha20-Poly1305: no CBC (padding oracles such as Lucky13), no static RSA (no forward
     * secrecy). ECDSA for the self-signed certificate, RSA for an operator's. Jetty reads these as patterns.
     */
    static final String[] CIPHER_SUITES = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_(ECDSA|RSA)_WITH_AES_(128_GCM_SHA256|256_GCM_SHA384)", "TLS_ECDHE_(ECDSA|RSA)_WITH_CHACHA20_POLY1305_SHA256"};

    static final String SELF_SIGNED = "localhost.p12";
    static final String SELF_SIGNED_PASSWORD = "localhost.p12.password";

    private Tls() {
    }

    /** Returns the self-signed keystore in dataDir, making it on first use. */
    public static Keystore selfSigned(Path dataDir) {
        Path file = dataDir.resolve(SELF_SIGNED);
        Path passwordFile = dataDir.resolve(SELF_SIGNED_PASSWORD);
        try {
            PrivateFiles.directory(dataDir);
            if (Files.exists(file) && Files.exists(passwordFile)) {
                PrivateFiles.file(file); // made by an older version, with the umask's mode
                PrivateFiles.file(passwordFile);
                return new Keystore(file, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Path tmp = dataDir.resolve(SELF_SIGNED + ".tmp");
            Files.deleteIfExists(tmp);
            generate(tmp, password);
            PrivateFiles.restrictNew(tmp); // keytool made it with the umask's mode
            writePrivate(passwordFile, password);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new Keystore(file, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the self-signed certificate in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void generate(Path file, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "microjam",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost, O=MicroJam self-signed", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-validity", "825", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass:env", "MICROJAM_KEYTOOL_PASS", "-keypass:env", "MICROJAM_KEYTOOL_PASS"))
                .redirectErrorStream(true);
        process.environment().put("MICROJAM_KEYTOOL_PASS", password); // not on the command line, where ps shows it
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!started.waitFor(60, TimeUnit.SECONDS) || started.exitValue() != 0)
                throw new IOException("keytool failed: " + output.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the certificate");
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        PrivateFiles.createFile(file); // 0600 before the secret is in it
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
