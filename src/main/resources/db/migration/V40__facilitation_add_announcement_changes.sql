-- Announcements can be corrected and withdrawn in the console, and each reader can dismiss one for good.
alter table announcement add column edited_at timestamp with time zone;
alter table announcement add column withdrawn_at timestamp with time zone;

create table announcement_dismissal (
    announcement_id bigint                   not null references announcement (id),
    person_id       bigint                   not null references person (id),
    dismissed_at    timestamp with time zone not null,
    primary key (announcement_id, person_id)
);
