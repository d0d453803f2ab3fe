package org.carrel.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.carrel.circulation.CirculationFixtures;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a keystore, SIP2 speaks TLS only: a kiosk that trusts the certificate logs in; plain TCP gets nowhere. This
 * context also has a one-second idle timeout.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class SipTlsTest {

    private static final String PASSWORD = "keystore-pass";
    private static Path keystore;

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    SipTerminals terminals;
    @Autowired
    SipServer server;

    @DynamicPropertySource
    static void aKeystore(DynamicPropertyRegistry properties) throws Exception {
        keystore = Files.createTempDirectory("sip2-tls").resolve("sip2-keystore.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sip2", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        properties.add("carrel.sip2.tls.keystore", keystore::toString);
        properties.add("carrel.sip2.tls.password", () -> PASSWORD);
        properties.add("carrel.sip2.idle-timeout", () -> "1s");
    }

    @Test
    void aKioskThatTrustsTheCertificateLogsInOverTls() throws Exception {
        String school = fixtures.school();
        assertThat(terminals.create("tls-kiosk", "tls-pass-12", school, "", "test").problem()).isNull();

        SSLSocket socket = (SSLSocket) trusting().getSocketFactory().createSocket("127.0.0.1", server.localPort());
        try (SipServerTest.Client client = new SipServerTest.Client(socket)) {
            assertThat(client.send("9300CNtls-kiosk|COtls-pass-12|")).isEqualTo("941");
            assertThat(client.send("9900302.00")).startsWith("98YYY");
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        }

        try (SSLSocket untrusting = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket("127.0.0.1",
                server.localPort())) {
            assertThatThrownBy(untrusting::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
        try (SipServerTest.Client plain = new SipServerTest.Client(server.localPort())) {
            assertThatThrownBy(() -> plain.send("9300CNtls-kiosk|COtls-pass-12|"))
                    .as("plain text to a TLS port gets no SIP2 answer").isInstanceOf(IOException.class);
        }
    }

    @Test
    void aConnectionIdleLongerThanTheTimeoutIsClosed() throws Exception {
        String school = fixtures.school();
        assertThat(terminals.create("idle-kiosk", "idle-pass-12", school, "", "test").problem()).isNull();
        SSLSocket socket = (SSLSocket) trusting().getSocketFactory().createSocket("127.0.0.1", server.localPort());
        try (SipServerTest.Client client = new SipServerTest.Client(socket)) {
            assertThat(client.send("9300CNidle-kiosk|COidle-pass-12|")).isEqualTo("941");
            long idleSince = System.nanoTime();
            assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            assertThat(System.nanoTime() - idleSince).as("not before the timeout").isGreaterThan(900_000_000L);
        }
    }

    private static SSLContext trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
