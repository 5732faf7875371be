-- Idea campaigns beside Jams (ADR 0027): a Jam has a kind; an idea box is always open (its end is the far-off
-- Jam.OPEN_END), a challenge closes at its deadline and may describe a prize; both may name the unit they ask.
alter table jam add column kind varchar(20) default 'JAM' not null;
alter table jam add column prize varchar(500);
alter table jam add column unit varchar(80);
