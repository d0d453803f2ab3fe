package org.carrel.notifications;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP side of the outbox: one connection per sending pass, one message at a time on it, and each failure sorted
 * into temporary (tried again later) or permanent. SMTP is configured with Spring Boot's {@code spring.mail.*}
 * (host, port, username, password, {@code properties.mail.smtp.starttls.enable}); without {@code spring.mail.host}
 * there is no mail sender and messages stay in the outbox for staff to print.
 */
@Component
class MailDelivery {

    /** Why a message did not go: permanent failures are not tried again. */
    record Failure(boolean permanent, boolean serverDown, String reason) {
    }

    /** An open SMTP connection. */
    interface Connection extends AutoCloseable {

        /** Hands one message to the server; a {@link Failure} when it did not take it. */
        Failure send(OutboxStore.Outgoing message);

        @Override
        void close();
    }

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;

    MailDelivery(ObjectProvider<JavaMailSender> senders,
                 @Value("${carrel.notifications.from:library@localhost}") String from) {
        this.senders = senders;
        this.from = from;
    }

    /** Whether SMTP is configured ({@code spring.mail.host}). */
    boolean configured() {
        return senders.getIfAvailable() instanceof JavaMailSenderImpl;
    }

    String from() {
        return from;
    }

    /** Connects to the SMTP server, or says why it cannot. */
    Connection open() throws DeliveryException {
        JavaMailSenderImpl mail = (JavaMailSenderImpl) senders.getObject();
        Session session = mail.getSession();
        try {
            Transport transport = session.getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
            transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
            return new SmtpConnection(session, transport, new InternetAddress(from, true));
        } catch (MessagingException e) {
            throw new DeliveryException("cannot reach the mail server " + mail.getHost() + ":" + mail.getPort() + ": "
                    + reason(e));
        }
    }

    /** The outbox could not reach SMTP at all; the message says why. */
    static final class DeliveryException extends Exception {

        DeliveryException(String reason) {
            super(reason);
        }
    }

    private record SmtpConnection(Session session, Transport transport, InternetAddress sender) implements Connection {

        @Override
        public Failure send(OutboxStore.Outgoing outgoing) {
            MimeMessage message = new MimeMessage(session);
            try {
                InternetAddress to = new InternetAddress(outgoing.recipientEmail(), true);
                to.setPersonal(outgoing.recipientName(), StandardCharsets.UTF_8.name());
                message.setFrom(sender);
                message.setRecipient(Message.RecipientType.TO, to);
                message.setSubject(outgoing.subject(), StandardCharsets.UTF_8.name());
                message.setText(outgoing.body() == null ? "" : outgoing.body(), StandardCharsets.UTF_8.name());
                message.setHeader("X-Carrel-Notice", Long.toString(outgoing.id()));
                message.saveChanges();
            } catch (AddressException | UnsupportedEncodingException e) {
                return new Failure(true, false, "the address '" + outgoing.recipientEmail() + "' is not valid");
            } catch (MessagingException e) {
                return new Failure(true, false, "the message could not be written: " + reason(e));
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return null;
            } catch (MessagingException e) {
                return classify(e);
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The server went away after the last message: nothing left to do on this connection.
            }
        }
    }

    /** 5xx answers are permanent, 4xx and lost connections temporary. */
    static Failure classify(MessagingException e) {
        int code = -1;
        for (Throwable t = e; t != null; t = t instanceof MessagingException m ? m.getNextException() : null) {
            if (t instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                break;
            }
            if (t instanceof SMTPSendFailedException s) {
                code = s.getReturnCode();
                break;
            }
        }
        if (code >= 500) {
            return new Failure(true, false, "the mail server refused it: " + reason(e));
        }
        if (code >= 400) {
            return new Failure(false, false, "the mail server said to try later: " + reason(e));
        }
        boolean down = hasCause(e, IOException.class); // refused, timed out, unknown host, connection lost
        if (!down && e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            return new Failure(true, false, "the address was refused: " + reason(e));
        }
        return new Failure(false, down, "the mail server did not take it: " + reason(e));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof MessagingException m ? m.getNextException() : null) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(MessagingException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip().replaceAll("\\s+", " ");
    }
}
