-- The district's column mapping for plain CSV roster imports (patrons module): one row, written when an admin saves
-- a mapping, as lines "field=column header".
create table roster_csv_mapping (
    id         bigint        not null primary key,
    mapping    varchar(4000) not null,
    updated_by varchar(120)  not null,
    updated_at timestamp with time zone not null,
    constraint roster_csv_mapping_single_row check (id = 1)
);
