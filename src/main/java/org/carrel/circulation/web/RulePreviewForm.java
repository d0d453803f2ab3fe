package org.carrel.circulation.web;

/**
 * The preview form on the rules page: a school id, a patron type, a grade (students; blank for none), an item type
 * and the day of the loan (ISO; blank: today).
 */
public record RulePreviewForm(String school, String patronType, String grade, String itemType, String date) {

    static RulePreviewForm first(Long schoolId, String today) {
        return new RulePreviewForm(schoolId == null ? "" : schoolId.toString(), "STUDENT", "2", "BOOK", today);
    }
}
