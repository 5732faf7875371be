-- The audit trail's hash chain (ADR 46): each entry stores a SHA-256 over the previous entry's hash and its own
-- fields; audit_chain holds the head (the last hash and how many entries there are), and its one row is locked by
-- each append, so that appends form one line. The head also shows when entries were removed from the end.
alter table audit_entry add column hash varchar(64);
create table audit_chain (
    id         int         not null primary key,
    last_hash  varchar(64) not null,
    entries    bigint      not null
);
insert into audit_chain (id, last_hash, entries)
values (1, '0000000000000000000000000000000000000000000000000000000000000000', 0);
