package org.carrel.catalog.marc;

import java.util.List;

/**
 * What a school librarian types when cataloguing an item from scratch ("simple cataloguing"): the few facts a
 * {@link RecordBuilder} turns into a MARC 21 bibliographic record. Only the title is required; blank or null fields
 * are left out of the record.
 *
 * @param title        the title proper, with any leading article ("The Giver")
 * @param subtitle     the other title information, or null
 * @param author       the main personal author in inverted form ("White, E. B."), or null
 * @param isbns        ISBNs as printed on the item; never null
 * @param publisher    the publisher's name, or null
 * @param year         the year of publication, or null when unknown
 * @param subjects     subject headings, subdivisions separated by {@code --} ("Pigs -- Juvenile fiction"); never null
 * @param summary      a one-sentence summary, or null
 * @param audience     a MARC 008/22 target audience code (a b c d e f g j), or null when unknown
 * @param readingLevel a reading level as free text ("Lexile 680L"), or null
 * @param callNumber   the spine label: a class part and a cutter ("599.75 SMI", "FIC WHI", "E SEU")
 * @param format       one of BOOK, EBOOK, AUDIOBOOK, VIDEO, MUSIC, KIT, OBJECT (equipment such as a laptop)
 * @param language     a three-letter MARC language code; {@code eng} when null or blank
 */
public record BasicDescription(String title, String subtitle, String author, List<String> isbns, String publisher,
        Integer year, List<String> subjects, String summary, String audience, String readingLevel,
        String callNumber, String format, String language) {

    /** The formats simple cataloguing knows. */
    public static final List<String> FORMATS = List.of("BOOK", "EBOOK", "AUDIOBOOK", "VIDEO", "MUSIC", "KIT",
            "OBJECT");

    public BasicDescription {
        isbns = isbns == null ? List.of() : List.copyOf(isbns);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        format = format == null || format.isBlank() ? "BOOK" : format.strip();
        language = language == null || language.isBlank() ? "eng" : language.strip();
    }
}
