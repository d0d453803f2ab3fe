package org.carrel.circulation.web;

import java.time.LocalDate;

import org.carrel.circulation.Refusal;

/** One copy of a class-set checkout: lent (title, due day) or refused ({@code refusal}). */
public record ClassSetLine(String barcode, String title, LocalDate dueOn, Refusal refusal) {

    public boolean lent() {
        return refusal == null;
    }
}
