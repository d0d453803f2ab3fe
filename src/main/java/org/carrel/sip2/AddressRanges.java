package org.carrel.sip2;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminal's allow-list: CIDR blocks ({@code 10.1.2.0/24}, {@code 192.168.5.17}, {@code fd00::/8}) separated by
 * commas. Only literal addresses are accepted (no host names: a list must not depend on DNS).
 */
public record AddressRanges(List<Block> blocks) {

    /** One CIDR block: the network's bytes and how many leading bits must match. */
    public record Block(byte[] network, int bits, String text) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads a list; an empty or blank text is an empty list. */
    static AddressRanges parse(String text) {
        List<Block> blocks = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    blocks.add(block(part.strip()));
                }
            }
        }
        return new AddressRanges(List.copyOf(blocks));
    }

    boolean allows(InetAddress address) {
        InetAddress plain = unmapped(address);
        return blocks.stream().anyMatch(b -> b.contains(plain));
    }

    /** The list as it is stored: blocks separated by commas. */
    public String text() {
        return String.join(",", blocks.stream().map(Block::text).toList());
    }

    private static Block block(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = literal(host);
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        int most = address.getAddress().length * 8;
        int bits = most;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > most) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0 to " + most);
            }
        }
        return new Block(address.getAddress(), bits, slash < 0 ? host : host + "/" + bits);
    }

    /** An IPv4 (four numbers to 255) or IPv6 (with ':') literal, never looked up by name; else null. */
    private static InetAddress literal(String host) {
        try {
            if (host.contains(":")) {
                boolean hex = host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
                return hex ? unmapped(InetAddress.getByName("[" + host + "]")) : null;
            }
            String[] parts = host.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                    return null;
                }
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An IPv4 address written as IPv6 ({@code ::ffff:10.0.0.1}) is the IPv4 address. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }
}
