package org.carrel.catalog.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.carrel.catalog.ItemType;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Subfield;

/**
 * One holdings field being read: subfield look-ups and the value parsers the three layouts share, each adding a
 * warning that names the field when a value cannot be used.
 */
final class HoldingsField {

    /** Dot decimals only, an optional leading $: "12,99" is ambiguous (a thousands or a decimal comma). */
    private static final Pattern PRICE = Pattern.compile("\\$?\\s*(\\d{1,7}(\\.\\d{1,2})?)");

    /** Koha's default item types and the codes school exports commonly use, upper-cased. */
    private static final Map<String, ItemType> ITEM_TYPES = Map.ofEntries(
            Map.entry("BK", ItemType.BOOK), Map.entry("BOOK", ItemType.BOOK), Map.entry("BOOKS", ItemType.BOOK),
            Map.entry("PB", ItemType.PAPERBACK), Map.entry("PBK", ItemType.PAPERBACK),
            Map.entry("PAPERBACK", ItemType.PAPERBACK),
            Map.entry("REF", ItemType.REFERENCE), Map.entry("REFERENCE", ItemType.REFERENCE),
            Map.entry("EBOOK", ItemType.EBOOK), Map.entry("EB", ItemType.EBOOK), Map.entry("ER", ItemType.EBOOK),
            Map.entry("AUDIO", ItemType.AUDIOBOOK), Map.entry("AB", ItemType.AUDIOBOOK),
            Map.entry("AUDIOBOOK", ItemType.AUDIOBOOK), Map.entry("BOOKCD", ItemType.AUDIOBOOK),
            Map.entry("DVD", ItemType.DVD), Map.entry("VM", ItemType.DVD), Map.entry("VIDEO", ItemType.DVD),
            Map.entry("BLURAY", ItemType.DVD),
            Map.entry("CD", ItemType.MUSIC_CD), Map.entry("MUSIC_CD", ItemType.MUSIC_CD), Map.entry("MU", ItemType.MUSIC_CD), Map.entry("MUSIC", ItemType.MUSIC_CD),
            Map.entry("MAG", ItemType.MAGAZINE), Map.entry("SER", ItemType.MAGAZINE),
            Map.entry("SERIAL", ItemType.MAGAZINE), Map.entry("CR", ItemType.MAGAZINE),
            Map.entry("MAGAZINE", ItemType.MAGAZINE),
            Map.entry("KIT", ItemType.KIT), Map.entry("EQUIP", ItemType.EQUIPMENT), Map.entry("EQ", ItemType.EQUIPMENT),
            Map.entry("EQUIPMENT", ItemType.EQUIPMENT), Map.entry("OTHER", ItemType.OTHER));

    private final DataField field;
    private final String label;
    private final List<String> warnings;

    HoldingsField(DataField field, int occurrence, List<String> warnings) {
        this.field = field;
        this.label = "field " + field.getTag() + " #" + occurrence;
        this.warnings = warnings;
    }

    String tag() {
        return field.getTag();
    }

    /** The first non-blank value of a subfield, stripped, or null. */
    String text(char code) {
        for (Subfield subfield : field.getSubfields(code)) {
            String value = subfield.getData().strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** A Koha-style flag: absent, blank or 0 is false; any other number is true. */
    int flag(char code) {
        String value = text(code);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            warn("$" + code + " \"" + value + "\" is not a number and was read as 0");
            return 0;
        }
    }

    BigDecimal price(char code) {
        String value = text(code);
        if (value == null) {
            return null;
        }
        var matcher = PRICE.matcher(value);
        if (!matcher.matches()) {
            warn("$" + code + " \"" + value + "\" is not a price like 12.99; it was left empty");
            return null;
        }
        return new BigDecimal(matcher.group(1));
    }

    LocalDate date(char code) {
        String value = text(code);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            warn("$" + code + " \"" + value + "\" is not a date like 2024-08-30; it was left empty");
            return null;
        }
    }

    Integer copy(char code) {
        String value = text(code);
        if (value == null) {
            return null;
        }
        String digits = value.replaceFirst("(?i)^(c\\.|copy)\\s*", "");
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            warn("$" + code + " \"" + value + "\" is not a copy number; it was left empty");
            return null;
        }
    }

    /** An item type code, or {@code fallback} when absent; an unknown code gives BOOK and a warning. */
    ItemType itemType(char code, ItemType fallback) {
        String value = text(code);
        if (value == null) {
            return fallback;
        }
        ItemType type = ITEM_TYPES.get(value.toUpperCase(Locale.ROOT));
        if (type == null) {
            warn("item type $" + code + " \"" + value + "\" is not known; BOOK was used");
            return ItemType.BOOK;
        }
        return type;
    }

    /** Values joined with "; ", skipping absent ones; null when all are absent. */
    String joined(char... codes) {
        List<String> parts = new ArrayList<>();
        for (char code : codes) {
            for (Subfield subfield : field.getSubfields(code)) {
                if (!subfield.getData().isBlank()) {
                    parts.add(subfield.getData().strip());
                }
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    void warn(String message) {
        warnings.add(label + ": " + message);
    }
}
