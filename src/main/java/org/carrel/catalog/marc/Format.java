package org.carrel.catalog.marc;

/** What kind of thing a record describes, as a patron would name it. */
public enum Format {
    /** Printed text: leader/06 a or t, monograph. */
    BOOK,
    /** Text read on a screen: a book whose form of item is online or electronic, or whose 33X say so. */
    EBOOK,
    /** A book in large print (008/23 d). */
    LARGE_PRINT,
    /** A spoken-word recording (leader/06 i). */
    AUDIOBOOK,
    /** A musical sound recording (leader/06 j). */
    MUSIC,
    /** A film, DVD or other projected or video medium (leader/06 g). */
    VIDEO,
    /** A map or atlas (leader/06 e or f). */
    MAP,
    /** Printed or manuscript music (leader/06 c or d). */
    SCORE,
    /** A magazine, newspaper or other continuing resource (leader/07 s or i). */
    SERIAL,
    /** Software or data (leader/06 m). */
    COMPUTER_FILE,
    /** A kit of several kinds of material (leader/06 o). */
    KIT,
    /** A three-dimensional object: a model, a game, equipment (leader/06 r). */
    OBJECT,
    /** Anything else: pictures, mixed archival material, unreadable leaders. */
    OTHER
}
