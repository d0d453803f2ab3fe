package org.carrel.catalog.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/**
 * Turns the holdings fields embedded in a bibliographic record into item drafts: one item per 852, 949 or 952 field
 * that has a barcode. A holdings field without a barcode yields no item and a warning. {@code docs/marc-holdings.md}
 * has the same mapping as tables.
 *
 * <p><b>952 (Koha items)</b>: $a home branch &rarr; school code ($b holding branch only when $a is absent); $c shelving
 * location &rarr; location code; $o call number; $p barcode; $y item type (BK, BOOK, PB, REF, EBOOK, AUDIO, DVD, VM,
 * CD, MU, MAG, SER, KIT, EQUIP... unknown &rarr; BOOK with a warning); $g price; $v replacement price; $d date
 * acquired (yyyy-mm-dd); $e source of acquisition &rarr; funding source; $x and $z notes; $t copy number. Status, the
 * first that applies: $0 withdrawn &ne; 0 &rarr; WITHDRAWN, $1 lost &ne; 0 &rarr; LOST, $4 damaged &ne; 0 &rarr;
 * DAMAGED, $q due date present &rarr; CHECKED_OUT, $7 not for loan &lt; 0 (Koha's "ordered") &rarr; ON_ORDER, else
 * AVAILABLE. $7 &gt; 0 (not for loan) makes the item type REFERENCE, since the catalog states loanability through
 * item-type loan rules.
 *
 * <p><b>852 (MARC 21 location)</b>: $b sublocation &rarr; school code ($a institution only when $b is absent); $c
 * shelving location &rarr; location code; call number = $k prefix, $h classification part, $i item part, $m suffix,
 * joined by spaces; $p barcode; $t copy number; $9 price (a local subfield common in school exports); $x nonpublic
 * and $z public note &rarr; notes. Status AVAILABLE.
 *
 * <p><b>949 (local item field)</b>: there is no standard. The layout used is the Innovative (Sierra/Millennium)
 * item-load table that OCLC and book vendors write for them, as documented by e.g. Utah State University ("Bibliographic
 * 949 Subfield Codes") and Marmot Library Network (Sierra load tables): $a call number (+ $v volume), $i barcode, $l
 * location code, $t item type, $c copy number, $p price, $n internal note and $m message &rarr; notes, $s status
 * (Sierra codes: {@code -} available, {@code m} missing, {@code t} in transit, {@code n} and {@code $} lost,
 * {@code d} damaged, {@code w} withdrawn). No school code (the importer assigns one).
 *
 * <p>When 852 or 949 gives no item type, or a 949 type is a numeric Sierra code, the type follows the record's leader
 * (06 g &rarr; DVD, i &rarr; AUDIOBOOK, j &rarr; MUSIC_CD, o &rarr; KIT, r &rarr; EQUIPMENT, 07 s &rarr; MAGAZINE,
 * else BOOK).
 */
public final class HoldingsMapping {

    private HoldingsMapping() {
    }

    public static Holdings holdings(Record record) {
        Map<String, ItemDraft> byBarcode = new LinkedHashMap<>();
        List<ItemDraft> repeated = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<DataField> itemFields = new ArrayList<>();
        ItemType fromLeader = typeFromLeader(record);
        int occurrence = 0;
        for (DataField field : record.getDataFields()) {
            String tag = field.getTag();
            if (!tag.equals("852") && !tag.equals("949") && !tag.equals("952")) {
                continue;
            }
            occurrence++;
            HoldingsField holding = new HoldingsField(field, occurrence, warnings);
            ItemDraft item = switch (tag) {
                case "952" -> koha(holding);
                case "852" -> location(holding, fromLeader);
                default -> localItem(holding, fromLeader);
            };
            if (item == null) {
                holding.warn("no barcode, so no item was made");
                continue;
            }
            itemFields.add(field);
            ItemDraft earlier = byBarcode.get(item.barcode());
            if (earlier == null) {
                byBarcode.put(item.barcode(), item);
            } else if (earlier.sourceTag().equals(item.sourceTag())) {
                repeated.add(item);
            } else if (item.sourceTag().equals("952")) {
                // One copy told twice (852 for location, 952 for details, as Carrel and others export): the
                // Koha field says more.
                byBarcode.put(item.barcode(), item);
            }
        }
        describeItems(record, byBarcode, itemFields, warnings);
        List<ItemDraft> items = new ArrayList<>(byBarcode.values());
        items.addAll(repeated);
        return new Holdings(items, warnings, itemFields);
    }

    /**
     * 876 Item Information fields whose $p names a copy's barcode give its status ($j, a Carrel status name such as
     * MISSING) and condition ($h: NEW, GOOD, FAIR or POOR). Carrel writes them on export; others' are taken when
     * they use the same words.
     */
    private static void describeItems(Record record, Map<String, ItemDraft> byBarcode, List<DataField> itemFields,
                                      List<String> warnings) {
        for (DataField field : record.getDataFields()) {
            if (!field.getTag().equals("876") || field.getSubfield('p') == null) {
                continue;
            }
            String barcode = field.getSubfield('p').getData().strip();
            ItemDraft item = byBarcode.get(barcode);
            if (item == null) {
                continue;
            }
            itemFields.add(field);
            ItemStatus status = item.status();
            if (field.getSubfield('j') != null) {
                String named = field.getSubfield('j').getData().strip().toUpperCase(Locale.ROOT).replace(' ', '_');
                try {
                    status = ItemStatus.valueOf(named);
                } catch (IllegalArgumentException e) {
                    warnings.add("876 for " + barcode + ": status '" + named + "' is not one Carrel knows; kept "
                            + status);
                }
            }
            String condition = field.getSubfield('h') == null ? null
                    : field.getSubfield('h').getData().strip().toUpperCase(Locale.ROOT);
            if (condition != null && !Set.of("NEW", "GOOD", "FAIR", "POOR").contains(condition)) {
                warnings.add("876 for " + barcode + ": condition '" + condition + "' is not NEW, GOOD, FAIR or POOR");
                condition = null;
            }
            byBarcode.put(barcode, item.with(status, condition));
        }
    }

    /** The items alone, for callers that do not report warnings. */
    public static List<ItemDraft> items(Record record) {
        return holdings(record).items();
    }

    private static ItemDraft koha(HoldingsField f) {
        String barcode = f.text('p');
        if (barcode == null) {
            return null;
        }
        ItemType type = f.itemType('y', ItemType.BOOK);
        int notForLoan = f.flag('7');
        if (notForLoan > 0) {
            type = ItemType.REFERENCE;
        }
        ItemStatus status;
        if (f.flag('0') != 0) {
            status = ItemStatus.WITHDRAWN;
        } else if (f.flag('1') != 0) {
            status = ItemStatus.LOST;
        } else if (f.flag('4') != 0) {
            status = ItemStatus.DAMAGED;
        } else if (f.text('q') != null) {
            status = ItemStatus.CHECKED_OUT;
        } else if (notForLoan < 0) {
            status = ItemStatus.ON_ORDER;
        } else {
            status = ItemStatus.AVAILABLE;
        }
        String school = f.text('a') != null ? f.text('a') : f.text('b');
        return new ItemDraft(barcode, school, f.text('c'), f.text('o'), type, status, f.price('g'), f.price('v'),
                f.date('d'), f.text('e'), f.joined('x', 'z'), f.copy('t'), f.tag(), null);
    }

    private static ItemDraft location(HoldingsField f, ItemType fromLeader) {
        String barcode = f.text('p');
        if (barcode == null) {
            return null;
        }
        String school = f.text('b') != null ? f.text('b') : f.text('a');
        String callNumber = joinedBySpaces(f.text('k'), f.text('h'), f.text('i'), f.text('m'));
        return new ItemDraft(barcode, school, f.text('c'), callNumber, fromLeader, ItemStatus.AVAILABLE,
                f.price('9'), null, null, null, f.joined('x', 'z'), f.copy('t'), f.tag(), null);
    }

    private static ItemDraft localItem(HoldingsField f, ItemType fromLeader) {
        String barcode = f.text('i');
        if (barcode == null) {
            return null;
        }
        String code = f.text('t');
        ItemType type = code != null && code.chars().allMatch(Character::isDigit) ? fromLeader
                : f.itemType('t', fromLeader);
        return new ItemDraft(barcode, null, f.text('l'), joinedBySpaces(f.text('a'), f.text('v')), type,
                sierraStatus(f), f.price('p'), null, null, null, f.joined('n', 'm'), f.copy('c'), f.tag(), null);
    }

    private static ItemStatus sierraStatus(HoldingsField f) {
        String code = f.text('s');
        if (code == null) {
            return ItemStatus.AVAILABLE;
        }
        switch (code) {
            case "-": return ItemStatus.AVAILABLE;
            case "m": return ItemStatus.MISSING;
            case "t": return ItemStatus.IN_TRANSIT;
            case "n", "$": return ItemStatus.LOST;
            case "d": return ItemStatus.DAMAGED;
            case "w": return ItemStatus.WITHDRAWN;
            default:
                f.warn("status $s \"" + code + "\" is not known; AVAILABLE was used");
                return ItemStatus.AVAILABLE;
        }
    }

    private static ItemType typeFromLeader(Record record) {
        String leader = record.getLeader().marshal();
        if (leader.length() < 8) {
            return ItemType.BOOK;
        }
        switch (leader.charAt(6)) {
            case 'g': return ItemType.DVD;
            case 'i': return ItemType.AUDIOBOOK;
            case 'j': return ItemType.MUSIC_CD;
            case 'o': return ItemType.KIT;
            case 'r': return ItemType.EQUIPMENT;
            default: return leader.charAt(7) == 's' ? ItemType.MAGAZINE : ItemType.BOOK;
        }
    }

    private static String joinedBySpaces(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                joined.append(joined.length() == 0 ? "" : " ").append(part);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }
}
