package org.carrel.sip2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The SIP2 server: TCP on {@code carrel.sip2.port} (default 6001; 0 picks a free port), listening only once a
 * terminal account exists (at start, or as soon as the first one is created). A thread per connection, at most
 * {@code carrel.sip2.max-connections}; a connection idle for {@code carrel.sip2.idle-timeout} is closed. Stopping
 * closes the listening socket and lets every connection finish the message in flight before it closes.
 *
 * <p>Wrong logins are throttled per client address and login: after {@link #MAX_FAILED_LOGINS} within
 * {@link #FAILED_LOGIN_WINDOW}, every login with that name from that address fails, even with the right password,
 * until the window has passed.
 */
@Component
class SipServer implements SmartLifecycle {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration FAILED_LOGIN_WINDOW = Duration.ofMinutes(15);
    /** Recent errors kept for the staff page. */
    static final int RECENT_ERRORS = 50;

    private static final Logger log = LoggerFactory.getLogger(SipServer.class);

    private final SipTerminals terminals;
    private final SipActs acts;
    private final SipTls tls;
    private final Clock clock;
    private final int port;
    private final Duration idleTimeout;
    private final int maxConnections;
    private final Set<SipConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<SipConnection, Instant> lastMessage = new ConcurrentHashMap<>();
    private final FailureWindow<String> failedLogins;
    private final Deque<SipErrorNote> errors = new ArrayDeque<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile ServerSocket listening;
    private volatile ExecutorService workers;
    private volatile boolean running;
    private volatile boolean stopping;

    SipServer(SipTerminals terminals, SipActs acts, SipTls tls, Clock clock,
              @Value("${carrel.sip2.port:6001}") int port,
              @Value("${carrel.sip2.idle-timeout:PT30M}") Duration idleTimeout,
              @Value("${carrel.sip2.max-connections:200}") int maxConnections) {
        this.terminals = terminals;
        this.acts = acts;
        this.tls = tls;
        this.clock = clock;
        this.port = port;
        this.idleTimeout = idleTimeout;
        this.maxConnections = maxConnections;
        this.failedLogins = new FailureWindow<>(MAX_FAILED_LOGINS, FAILED_LOGIN_WINDOW, clock);
    }

    @Override
    public void start() {
        running = true;
        stopping = false;
        if (port < 0) {
            log.info("SIP2 is off (carrel.sip2.port is negative)");
        } else if (terminals.any()) {
            listen();
        } else {
            log.info("SIP2 is off until a terminal account exists (create-sip-terminal, or Staff > SIP2)");
        }
    }

    /** The first terminal account: start listening without a restart. */
    @TransactionalEventListener
    void terminalCreated(SipTerminals.TerminalCreated created) {
        if (running && !stopping && port >= 0) {
            listen();
        }
    }

    private synchronized void listen() {
        if (listening != null) {
            return;
        }
        try {
            listening = tls.open(port);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("SIP2 cannot listen on port " + port + ": " + e.getMessage()
                    + " (carrel.sip2.port sets the port, carrel.sip2.tls.* the keystore)", e);
        }
        workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sip2-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Thread acceptor = new Thread(this::accept, "sip2-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("SIP2 listening on port {}{}", listening.getLocalPort(), tls.enabled() ? " (TLS)" : "");
    }

    private void accept() {
        ServerSocket server = listening;
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                if (connections.size() >= maxConnections) {
                    log.warn("SIP2 connection from {} refused: {} connections already", socket.getInetAddress()
                            .getHostAddress(), maxConnections);
                    socket.close();
                    continue;
                }
                SipConnection connection = new SipConnection(socket, this, clock.instant());
                connections.add(connection);
                workers.execute(connection);
            } catch (SocketException e) {
                return; // closed by stop()
            } catch (IOException e) {
                log.warn("SIP2 accept failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        ServerSocket server = listening;
        listening = null;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.debug("closing the SIP2 socket: {}", e.getMessage());
            }
            // Each connection ends after the message in flight.
            for (SipConnection connection : connections) {
                connection.finish();
            }
            workers.shutdown();
            try {
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The port listened on, or -1 while SIP2 is off. */
    int localPort() {
        ServerSocket server = listening;
        return server == null ? -1 : server.getLocalPort();
    }

    boolean stopping() {
        return stopping;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    SipActs acts() {
        return acts;
    }

    Optional<SipTerminal> logIn(String login, String password, SipConnection connection) {
        InetAddress from = connection.client();
        String key = from.getHostAddress() + " " + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
        if (failedLogins.shut(key)) {
            error(connection, "login '" + login + "' refused: too many failed logins from this address");
            return Optional.empty();
        }
        Optional<SipTerminal> terminal = terminals.logIn(login, password, from);
        if (terminal.isEmpty()) {
            failedLogins.failed(key);
            error(connection, "login '" + login + "' failed (wrong login or password, or an address not allowed)");
        } else {
            log.info("SIP2 terminal {} logged in from {}", login, from.getHostAddress());
        }
        return terminal;
    }

    void received(SipConnection connection) {
        lastMessage.put(connection, clock.instant());
    }

    void error(SipConnection connection, String problem) {
        String terminal = connection.terminal().map(SipTerminal::login).orElse(null);
        log.info("SIP2 client {} ({}): {}", connection.client().getHostAddress(),
                terminal == null ? "not logged in" : terminal, problem);
        synchronized (errors) {
            errors.addFirst(new SipErrorNote(clock.instant(), connection.client().getHostAddress(), terminal, problem));
            while (errors.size() > RECENT_ERRORS) {
                errors.removeLast();
            }
        }
    }

    void closed(SipConnection connection) {
        connections.remove(connection);
        lastMessage.remove(connection);
    }

    /** The open connections, the longest open first. */
    List<SipConnectionView> connections() {
        return connections.stream().sorted(java.util.Comparator.comparing(SipConnection::connectedAt))
                .map(c -> new SipConnectionView(c.terminal().map(SipTerminal::login).orElse(null),
                        c.client().getHostAddress(), c.connectedAt(), lastMessage.get(c))).toList();
    }

    boolean tls() {
        return tls.enabled();
    }

    /** The most recent problems, newest first. */
    List<SipErrorNote> recentErrors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }
}
