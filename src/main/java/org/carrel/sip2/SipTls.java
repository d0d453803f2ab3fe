package org.carrel.sip2;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SIP2 over TLS when a PKCS#12 keystore is at {@code carrel.sip2.tls.keystore} (default
 * {@code <data folder>/sip2-keystore.p12}) with the password {@code carrel.sip2.tls.password}; plain TCP when there
 * is none. TLS 1.2 and 1.3 only.
 */
@Component
class SipTls {

    private final Path keystore;
    private final String password;

    SipTls(@Value("${carrel.sip2.tls.keystore:${carrel.data-dir}/sip2-keystore.p12}") Path keystore,
           @Value("${carrel.sip2.tls.password:}") String password) {
        this.keystore = keystore;
        this.password = password;
    }

    boolean enabled() {
        return Files.isRegularFile(keystore);
    }

    /** The listening socket: TLS with the keystore's key when there is one. */
    ServerSocket open(int port) throws IOException, GeneralSecurityException {
        if (!enabled()) {
            return new ServerSocket(port);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new IOException("the SIP2 keystore " + keystore + " cannot be read (a PKCS#12 file, and"
                    + " carrel.sip2.tls.password its password): " + e.getMessage(), e);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port);
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return socket;
    }
}
