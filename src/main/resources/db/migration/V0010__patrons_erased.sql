-- Erasing a patron on request (patrons module): personal data removed, the row kept for anonymous statistics
-- (type, school, grade, graduation year). When it was erased; null for every other patron, so a second erase is
-- refused. Portable SQL: runs unchanged on H2 2.4 (MODE=PostgreSQL) and PostgreSQL 15.
alter table patron add column erased_at timestamp with time zone;
