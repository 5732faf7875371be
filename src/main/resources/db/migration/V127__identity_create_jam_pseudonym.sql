-- The pseudonyms handed out in each Jam. The holder is a keyed hash of (Jam, person) made with a secret kept out of
-- the database, so this table alone links no pseudonym to an account, nor one Jam's pseudonym to another's (ADR 41).
create table jam_pseudonym (
    jam_id    bigint      not null,
    pseudonym varchar(60) not null,
    holder    varchar(64) not null,
    primary key (jam_id, holder),
    constraint jam_pseudonym_unique unique (jam_id, pseudonym)
);
