-- Roster imports (patrons module): which district school each OneRoster org stands for, learnt when an org of type
-- school matched a school (by identifier) or was created on confirmation, and for other org types from their parent.
create table roster_org (
    source_id varchar(255) not null primary key,
    school_id bigint       not null
);
