-- Which daily digests of a Jam were written: one per Jam and day, whichever node gets there first.
create table jam_digest (
    jam_id     bigint not null references jam (id),
    digest_day date   not null,
    written_at timestamp with time zone not null,
    primary key (jam_id, digest_day)
);
