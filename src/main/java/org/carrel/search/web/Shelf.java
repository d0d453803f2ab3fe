package org.carrel.search.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrel.search.SearchField;

/**
 * The picture shelves of the catalogue's home page, for readers who cannot yet type a search: each is a search by
 * subject (the search box's syntax: OR between alternatives, quotes around phrases), a Dewey class or a language.
 * Message key {@code search.shelf.NAME}; picture {@code search/picture.jte}. Public only for the templates.
 */
public enum Shelf {
    ANIMALS(SearchField.SUBJECT, "animals", null, null),
    DINOSAURS(SearchField.SUBJECT, "dinosaurs", null, null),
    SPACE(SearchField.SUBJECT, "space OR astronomy OR planets", null, null),
    SPORTS(SearchField.SUBJECT, "sports OR basketball OR baseball OR soccer OR football", null, null),
    FAIRY_TALES(SearchField.SUBJECT, "\"fairy tales\"", null, null),
    MYSTERIES(SearchField.SUBJECT, "mystery OR detective", null, null),
    GRAPHIC_NOVELS(SearchField.SUBJECT, "\"graphic novels\"", null, null),
    BIOGRAPHIES(SearchField.SUBJECT, "biography", null, null),
    HISTORY(null, null, "900", null),
    SCIENCE(null, null, "500", null),
    POETRY(SearchField.SUBJECT, "poetry OR poems", null, null),
    SPANISH(null, null, null, "spa");

    private final SearchField field;
    private final String query;
    private final String dewey;
    private final String language;

    Shelf(SearchField field, String query, String dewey, String language) {
        this.field = field;
        this.query = query;
        this.dewey = dewey;
        this.language = language;
    }

    /** The search this shelf opens, as a link to the results page. */
    public String href() {
        Map<String, String[]> params = new LinkedHashMap<>();
        if (query != null) {
            params.put("q", new String[] {query});
            params.put("field", new String[] {field.name()});
        }
        if (dewey != null) {
            params.put("dewey", new String[] {dewey});
        }
        if (language != null) {
            params.put("language", new String[] {language});
        }
        return SearchParams.of(params).href(OpacPages.SEARCH);
    }

    public String messageKey() {
        return "search.shelf." + name();
    }

    /** The picture's name in {@code search/picture.jte}. */
    public String picture() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
