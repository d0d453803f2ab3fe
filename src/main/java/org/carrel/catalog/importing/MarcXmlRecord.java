package org.carrel.catalog.importing;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Builds one record from the children of a MARCXML {@code record} element. A missing tag or subfield code, or an
 * element inside a data field that is not a subfield, makes the record bad (data would be lost or misfiled); an
 * unknown element directly in the record (Koha writes {@code identifier}) is skipped with a warning. All
 * problems are joined into the reason; the rest of the record is still consumed so the next one starts cleanly.
 */
final class MarcXmlRecord {

    private static final String DEFAULT_LEADER = "00000nam a2200000 a 4500";

    private final MarcFactory factory;
    private final List<String> warnings = new ArrayList<>(0);
    private final Record record;
    private String leader;
    private final List<String> problems = new ArrayList<>(0);

    MarcXmlRecord(MarcFactory factory) {
        this.factory = factory;
        this.record = factory.newRecord();
    }

    /** Every problem found, joined, or null when the record is good. */
    String badReason() {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    List<String> warnings() {
        return warnings;
    }

    /** Reads the element the reader is on, up to and including its end tag. */
    void element(XMLStreamReader xml) throws XMLStreamException {
        switch (xml.getLocalName()) {
            case "leader" -> leader = xml.getElementText();
            case "controlfield" -> controlField(xml);
            case "datafield" -> dataField(xml);
            default -> {
                warnings.add("the element <" + xml.getLocalName() + "> is not MARCXML and was ignored");
                skip(xml);
            }
        }
    }

    Record finish() {
        String value = leader == null ? DEFAULT_LEADER : leader;
        if (leader == null) {
            warnings.add("the record has no leader; a default book leader was used");
        } else if (value.length() != 24) {
            refuse("the leader is " + value.length() + " characters long, not 24");
            return null;
        }
        char[] chars = value.toCharArray();
        // The text is Unicode now whatever the XML encoding was, so leader/09 says so.
        chars[9] = 'a';
        record.setLeader(factory.newLeader(new String(chars)));
        return record;
    }

    private void controlField(XMLStreamReader xml) throws XMLStreamException {
        String tag = xml.getAttributeValue(null, "tag");
        String text = xml.getElementText();
        if (checkTag(tag, "a control field")) {
            record.addVariableField(factory.newControlField(tag, FieldText.nfc(text)));
        }
    }

    private void dataField(XMLStreamReader xml) throws XMLStreamException {
        String tag = xml.getAttributeValue(null, "tag");
        boolean tagged = checkTag(tag, "a data field");
        String shownTag = tagged ? tag : "???";
        char ind1 = indicator(xml.getAttributeValue(null, "ind1"), shownTag, 1);
        char ind2 = indicator(xml.getAttributeValue(null, "ind2"), shownTag, 2);
        DataField field = factory.newDataField(shownTag, ind1, ind2);
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("subfield")) {
                refuse("field " + shownTag + " contains an element <" + xml.getLocalName()
                        + "> where a subfield was expected");
                skip(xml);
                continue;
            }
            String code = xml.getAttributeValue(null, "code");
            String text = xml.getElementText();
            if (code == null || code.length() != 1) {
                refuse("field " + shownTag + " has a subfield " + (code == null ? "with no code" : "with the code \""
                        + code + "\", not one character"));
            } else {
                field.addSubfield(factory.newSubfield(code.charAt(0), FieldText.nfc(text)));
            }
        }
        if (tagged && field.getSubfields().isEmpty()) {
            warnings.add("field " + tag + " has no subfields and was dropped");
        } else if (tagged) {
            record.addVariableField(field);
        }
    }

    private char indicator(String value, String tag, int which) {
        if (value == null || value.isEmpty()) {
            warnings.add("field " + tag + " has no indicator " + which + "; a blank was used");
            return ' ';
        }
        if (value.length() != 1) {
            refuse("field " + tag + ": indicator " + which + " \"" + value + "\" is not one character");
            return ' ';
        }
        try {
            return Indicators.check(value.charAt(0), tag, which, warnings);
        } catch (BadRecordException e) {
            refuse(e.getMessage());
            return ' ';
        }
    }

    private boolean checkTag(String tag, String what) {
        if (tag == null || tag.isBlank()) {
            refuse(what + " has no tag");
            return false;
        }
        if (tag.length() != 3 || !tag.chars().allMatch(Character::isLetterOrDigit)) {
            refuse(what + " has the tag \"" + tag + "\", which is not three letters or digits");
            return false;
        }
        return true;
    }

    private void refuse(String reason) {
        problems.add(reason);
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
