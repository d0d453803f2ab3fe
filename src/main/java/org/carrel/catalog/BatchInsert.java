package org.carrel.catalog;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A JDBC batch insert with positional, explicitly typed parameters: the path a MARC import takes for every record,
 * identifier and copy. Typed nulls matter on PostgreSQL, where an untyped null makes Spring ask the server for the
 * parameter's type (a round trip per null), and binding without parameter maps keeps the import's CPU for MARC.
 */
final class BatchInsert {

    /** Binds one row's values, in the order of the statement's {@code ?}s. */
    interface Binder<T> {
        void bind(Parameters parameters, T row) throws SQLException;
    }

    private BatchInsert() {
    }

    /** Inserts the rows in one batch and returns the generated {@code id} of each, in order. */
    static <T> List<Long> returningIds(JdbcTemplate jdbc, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return jdbc.execute((ConnectionCallback<List<Long>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
                bindAll(statement, rows, binder);
                List<Long> ids = new ArrayList<>(rows.size());
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                if (ids.size() != rows.size()) {
                    throw new SQLException("expected " + rows.size() + " generated ids, got " + ids.size());
                }
                return ids;
            }
        });
    }

    static <T> void run(JdbcTemplate jdbc, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindAll(statement, rows, binder);
            }
            return null;
        });
    }

    private static <T> void bindAll(PreparedStatement statement, List<T> rows, Binder<T> binder) throws SQLException {
        Parameters parameters = new Parameters(statement);
        for (T row : rows) {
            parameters.next = 1;
            binder.bind(parameters, row);
            statement.addBatch();
        }
        statement.executeBatch();
    }

    /** The next parameters of the current row, each with its SQL type even when null. */
    static final class Parameters {
        private final PreparedStatement statement;
        private int next = 1;

        private Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        Parameters text(String value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.VARCHAR);
            } else {
                statement.setString(next++, value);
            }
            return this;
        }

        Parameters number(Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.INTEGER);
            } else {
                statement.setInt(next++, value);
            }
            return this;
        }

        Parameters id(Long value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.BIGINT);
            } else {
                statement.setLong(next++, value);
            }
            return this;
        }

        Parameters money(BigDecimal value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.NUMERIC);
            } else {
                statement.setBigDecimal(next++, value);
            }
            return this;
        }

        Parameters date(LocalDate value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.DATE);
            } else {
                statement.setObject(next++, value);
            }
            return this;
        }

        Parameters time(OffsetDateTime value) throws SQLException {
            statement.setObject(next++, value);
            return this;
        }
    }
}
