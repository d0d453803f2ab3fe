-- Teachers' classes from rosters (patrons module): a homeroom row of kind CLASS, whose students are listed in
-- class_member (a student has one homeroom, in patron.homeroom_id, but many classes).
alter table homeroom add column kind varchar(10) not null default 'HOMEROOM';
alter table homeroom add constraint homeroom_kind_known check (kind in ('HOMEROOM', 'CLASS'));

create table class_member (
    class_id  bigint not null references homeroom (id),
    patron_id bigint not null references patron (id),
    primary key (class_id, patron_id)
);
create index class_member_patron on class_member (patron_id);
