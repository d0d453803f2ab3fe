package org.carrel.circulation.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

/** A copy lent at this desk in this session: what the visit list and the receipt show. */
public record LentCopy(long loanId, long patronId, String barcode, String title, LocalDate dueOn)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
