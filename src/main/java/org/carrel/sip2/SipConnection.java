package org.carrel.sip2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection: reads messages ended by CR (a LF after it is skipped), answers each in turn, and keeps
 * the last answer for a resend request (97). A message it cannot read, or a longer one than {@link #MAX_MESSAGE},
 * gets {@code 96} (please resend) and the connection stays open. Messages are never logged whole: a login carries a
 * password and a patron message a PIN.
 */
final class SipConnection implements Runnable {

    /** The longest message read; the rest of a longer one is skipped up to its CR. */
    static final int MAX_MESSAGE = 8192;

    private static final Logger log = LoggerFactory.getLogger(SipConnection.class);

    private final Socket socket;
    private final SipServer server;
    private final Instant connectedAt;
    private SipTerminal terminal;
    private String last;
    private boolean busy;

    SipConnection(Socket socket, SipServer server, Instant connectedAt) {
        this.socket = socket;
        this.server = server;
        this.connectedAt = connectedAt;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    InetAddress client() {
        return socket.getInetAddress();
    }

    /**
     * Closes the connection once the message in flight is answered: at once when none is (the pending read fails),
     * else the thread answering it closes it after writing the answer.
     */
    synchronized void finish() {
        if (!busy) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("SIP2 connection from {}: {}", client().getHostAddress(), e.getMessage());
            }
        }
    }

    Optional<SipTerminal> terminal() {
        return Optional.ofNullable(terminal);
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout((int) server.idleTimeout().toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            boolean tooLong = false;
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n' && message.size() == 0 && !tooLong) {
                    continue;
                }
                if (c != '\r') {
                    if (message.size() < MAX_MESSAGE) {
                        message.write(c);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                synchronized (this) {
                    if (socket.isClosed()) {
                        break; // stopped between the message's last byte and now: not acted on, as never answered
                    }
                    busy = true;
                }
                String answer = tooLong ? tooLong() : answer(message.toString(StandardCharsets.ISO_8859_1));
                out.write((answer + "\r").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                message.reset();
                tooLong = false;
                synchronized (this) {
                    busy = false;
                    if (server.stopping()) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            log.info("SIP2 connection from {} ({}) closed after {} idle", client().getHostAddress(),
                    terminal == null ? "not logged in" : terminal.login(), server.idleTimeout());
        } catch (IOException e) {
            log.debug("SIP2 connection from {} ended: {}", client().getHostAddress(), e.getMessage());
        } finally {
            server.closed(this);
        }
    }

    private String tooLong() {
        server.error(this, "a message longer than " + MAX_MESSAGE + " characters (skipped)");
        return "96";
    }

    /** The answer to one message, as it goes on the wire (without the CR). */
    String answer(String line) {
        SipMessage.Parsed parsed = SipMessage.parse(line);
        if (parsed.malformed() != null) {
            server.error(this, parsed.malformed().reason());
            return "96";
        }
        SipMessage request = parsed.message();
        if (request.command() == SipCommand.RESEND) {
            return last == null ? "96" : last;
        }
        server.received(this);
        String answer;
        try {
            answer = act(request).toString(request);
        } catch (RuntimeException e) {
            log.error("SIP2 {} message from {} failed", request.command().code(), client().getHostAddress(), e);
            server.error(this, "a " + request.command().code() + " message failed: " + e.getClass().getSimpleName());
            answer = server.acts().refused(request, terminal, "The library system could not do this. Ask staff.")
                    .toString(request);
        }
        last = answer;
        return answer;
    }

    private SipAnswer act(SipMessage request) {
        SipActs acts = server.acts();
        if (request.command() == SipCommand.LOGIN) {
            terminal = server.logIn(request.text("CN"), request.text("CO"), this).orElse(null);
            return new SipAnswer("94").fixed(terminal == null ? "0" : "1");
        }
        if (terminal == null) {
            server.error(this, "a " + request.command().code() + " message before a login");
            return acts.refused(request, null, "Log in first (93).");
        }
        return switch (request.command()) {
            case SC_STATUS -> acts.status(terminal);
            case PATRON_STATUS -> acts.patronStatus(terminal, request);
            case CHECKOUT -> acts.checkout(terminal, request);
            case CHECKIN -> acts.checkin(terminal, request);
            case ITEM_INFORMATION -> acts.itemInformation(terminal, request);
            case END_SESSION -> acts.endSession(terminal, request);
            case PATRON_INFORMATION -> acts.patronInformation(terminal, request);
            case RENEW -> acts.renew(terminal, request);
            case RENEW_ALL -> acts.renewAll(terminal, request);
            case HOLD -> acts.hold(terminal, request);
            case FEE_PAID -> acts.feePaid(terminal, request);
            case BLOCK_PATRON -> acts.blockPatron(terminal, request);
            case LOGIN, RESEND -> throw new IllegalStateException("answered above");
        };
    }
}
