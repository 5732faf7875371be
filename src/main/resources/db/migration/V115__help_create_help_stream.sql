-- What a help stream adds to its Jam: the name its answers appear under ("Northwind Support"). A stream without a
-- row answers under its Jam's title.
create table help_stream (
    jam_id            bigint       not null primary key references jam (id),
    organisation_name varchar(120) not null
);
