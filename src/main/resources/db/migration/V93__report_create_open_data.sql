-- Open data: whether an organiser published a Jam's export (and in which privacy mode), and the key that turns
-- person ids into pseudonyms. The key never leaves the database: without it a pseudonym cannot be traced back.
create table open_data_publication (
    jam_id       bigint      not null primary key references jam (id),
    mode         varchar(20) not null, -- PSEUDONYMISED or REMOVED: exports with names are never published
    published_by bigint      not null,
    published_at timestamp with time zone not null
);

create table open_data_secret (
    name   varchar(40) not null primary key,
    secret varchar(100) not null
);
