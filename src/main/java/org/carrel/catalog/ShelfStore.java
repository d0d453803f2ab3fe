package org.carrel.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The titles a shelf list shows beside its copies, read from the records' title column (no MARC parsing). */
@Repository
class ShelfStore {

    private final JdbcClient jdbc;

    ShelfStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, String> titles(Collection<Long> recordIds) {
        Map<Long, String> titles = new HashMap<>();
        List<Long> ids = List.copyOf(recordIds);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("select id, title from bib_record where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((RowCallbackHandler) row -> titles.put(row.getLong("id"), row.getString("title")));
        }
        return titles;
    }
}
