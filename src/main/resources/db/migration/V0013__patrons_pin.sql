-- Patron PINs (owned by the patrons module): what a self-check station asks for beside the card (SIP2's patron
-- password, AD). Kept apart from the patron row so the patron's data export and the year-end rollover never carry it;
-- deleted with the patron and when the patron is erased. Portable SQL: runs unchanged on H2 2.4 (MODE=PostgreSQL)
-- and PostgreSQL 15.
create table patron_pin (
    patron_id  bigint       not null primary key references patron (id) on delete cascade,
    -- A DelegatingPasswordEncoder hash ({bcrypt}...); the PIN itself is never stored or logged.
    pin_hash   varchar(200) not null,
    set_at     timestamp with time zone not null,
    set_by     varchar(120) not null
);
