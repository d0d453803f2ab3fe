package org.carrel.catalog;

/** What kind of thing a copy is; loan rules are written per item type. Message key: {@code catalog.itemType.NAME}. */
public enum ItemType {
    BOOK, PAPERBACK, REFERENCE, EBOOK, AUDIOBOOK, DVD, MUSIC_CD, MAGAZINE, KIT, EQUIPMENT, OTHER
}
