-- How authors appear in a Jam, and per forum where it differs (null: the Jam's mode). See ADR 41.
alter table jam add column identity_mode varchar(20) default 'NAMED' not null;
alter table jam add column pseudonym_shows_country boolean default false not null;
alter table forum add column identity_mode varchar(20);
