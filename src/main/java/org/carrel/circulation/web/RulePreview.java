package org.carrel.circulation.web;

import java.time.LocalDate;

import org.carrel.catalog.ItemType;
import org.carrel.circulation.LoanRules;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;

/** What the preview asked (at which school, for whom, of what, on which day) and what the rules answered. */
public record RulePreview(String schoolName, PatronType patronType, Grade grade, ItemType itemType, LocalDate on,
                          LoanRules.Preview answer) {
}
