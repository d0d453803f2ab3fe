package org.carrel.sip2;

import java.time.OffsetDateTime;

/**
 * A SIP2 terminal account: a self-check station's or sorter's login, the one school it acts for (its code is the
 * institution id, AO, and the location, CP) and the client addresses it may connect from (empty: any).
 */
public record SipTerminal(long id, String login, long schoolId, String schoolCode, AddressRanges allowFrom,
                          OffsetDateTime createdAt, String createdBy) {
}
