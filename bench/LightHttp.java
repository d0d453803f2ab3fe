package org.carrel.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection doing GETs and JSON POSTs, for load generation on the machine under test: the
 * JDK's {@code HttpClient} spent about as much CPU per request as the server, so on two cores it measured itself as
 * much as the server. Reads status, headers and a body framed by {@code Content-Length} or chunked encoding;
 * reconnects when the server closes. Not thread-safe: one per thread.
 */
final class LightHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LightHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** GET {@code pathAndQuery} with the given extra header lines (each "Name: value"). */
    Response get(String pathAndQuery, String... headers) throws IOException {
        try {
            return exchange("GET", pathAndQuery, null, headers);
        } catch (IOException closedMeanwhile) {
            close();
            return exchange("GET", pathAndQuery, null, headers);
        }
    }

    /**
     * POST a JSON body. Not sent again when the connection fails: unlike a GET, a POST the server may have acted on
     * must not be repeated behind the caller's back.
     */
    Response postJson(String path, String json, String... headers) throws IOException {
        return exchange("POST", path, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private Response exchange(String method, String pathAndQuery, byte[] payload, String[] headers) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }
        StringBuilder request = new StringBuilder(256).append(method).append(' ').append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        if (payload != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length)
                    .append("\r\n");
        }
        byte[] head = request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (payload == null) {
            out.write(head);
        } else {
            byte[] both = new byte[head.length + payload.length];
            System.arraycopy(head, 0, both, 0, head.length);
            System.arraycopy(payload, 0, both, head.length, payload.length);
            out.write(both);
        }
        out.flush();
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                    size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                copy(size, body);
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(length, body);
        }
        if (close) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long size, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = size; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("connection closed in a body");
            }
            body.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A header line without its CR LF, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
