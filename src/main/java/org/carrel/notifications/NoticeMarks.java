package org.carrel.notifications;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notices already decided ({@code notice_mark}): a key wins once, in the transaction that queues its message. */
@Repository
class NoticeMarks {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    NoticeMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks a notice as decided; false when it already was (by another run, or another node now). */
    boolean mark(String key, LocalDate on) {
        return jdbc.sql("insert into notice_mark (mark_key, marked_on) values (:key, :on) on conflict do nothing")
                .param("key", key).param("on", on).update() == 1;
    }

    /** Which of these keys are marked already. */
    Set<String> marked(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        Set<String> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(jdbc.sql("select mark_key from notice_mark where mark_key in (:keys)")
                    .param("keys", all.subList(from, Math.min(all.size(), from + CHUNK))).query(String.class).list());
        }
        return found;
    }

    /** Forgets marks older than {@code before} (the notices they stood for are long done). */
    int forget(LocalDate before) {
        return jdbc.sql("delete from notice_mark where marked_on < :before").param("before", before).update();
    }
}
