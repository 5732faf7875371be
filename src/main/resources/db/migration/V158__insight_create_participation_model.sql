-- The participation read model (ADR 52): kept by the insight module, changed in the same transaction as the posts,
-- reactions, memberships and profiles it counts, and read by the participation page in a few indexed queries.

-- One row per Jam. Every change to a Jam's figures updates this row first, so the figures of one Jam change one
-- transaction at a time (and a rebuild waits for, or is waited for by, every writer). built = false: the figures are
-- to be built from the rows of the modules before they count again (a Jam that predates the model, a new audience).
create table participation_jam (
    jam_id  bigint primary key,
    origin  bigint  not null, -- the Jam's start, epoch seconds: the timeline's hours count from here
    built   boolean not null,
    changes bigint  not null
);

-- Everyone a Jam's figures count one by one (joined, active, or invited by address; those invited by their type are
-- counted in participation_audience), with the groups they were counted in and what they
-- did: "forum:hour" entries (hours from the origin; "*n" when they wrote n posts that hour). Groups are '' where
-- the profile does not say.
create table participation_person (
    jam_id           bigint         not null,
    person_id        bigint         not null,
    invited          boolean        not null,
    joined           boolean        not null,
    by_type          boolean        not null, -- invited as one of an admitted type: counted in participation_audience
    country          varchar(80)    not null,
    org_unit         varchar(80)    not null,
    job_role         varchar(80)    not null,
    participant_type varchar(20)    not null,
    activity         varchar(1000000) not null,
    primary key (jam_id, person_id)
);
create index participation_person_person on participation_person (person_id);

-- Everyone's groups as last counted, and how many people each group holds per participant type: the invited of
-- every Jam open to types, kept once rather than once per Jam (a new account changes one row, not one per Jam).
-- Built like a Jam, under participation_jam row 0.
create table participation_profile (
    person_id        bigint      primary key,
    participant_type varchar(20) not null,
    country          varchar(80) not null,
    org_unit         varchar(80) not null,
    job_role         varchar(80) not null
);
create table participation_audience (
    participant_type varchar(20) not null,
    dimension        varchar(10) not null, -- COUNTRY, UNIT, ROLE or TYPE
    group_value      varchar(80) not null,
    people           bigint      not null,
    primary key (participant_type, dimension, group_value)
);

-- The figures per group of each dimension (a person counts once in their country, once in their unit, ...): a few
-- hundred rows per Jam and scope, however many people. forum_id -1: the invited and joined (the same for the Jam
-- and each forum); 0: activity in the whole Jam; otherwise activity in that forum, where people counts those active
-- there who are neither invited nor joined. A page adds the -1 rows to those of its scope.
create table participation_group (
    jam_id         bigint      not null,
    forum_id       bigint      not null,
    dimension      varchar(10) not null,
    group_value    varchar(80) not null,
    people         bigint      not null,
    invited        bigint      not null,
    joined         bigint      not null,
    active         bigint      not null,
    active_invited bigint      not null,
    posts          bigint      not null,
    primary key (jam_id, forum_id, dimension, group_value)
);

-- Active people and posts per bucket of each timeline width (1, 6, 24 and 168 hours from the origin), for the whole
-- Jam (forum_id 0) and each forum.
create table participation_timeline (
    jam_id      bigint  not null,
    forum_id    bigint  not null,
    width_hours integer not null,
    bucket      bigint  not null,
    people      bigint  not null,
    posts       bigint  not null,
    primary key (jam_id, forum_id, width_hours, bucket)
);
-- The Jams that predate the model, and row 0 for everyone's groups: built from the rows at start (or on first view).
insert into participation_jam (jam_id, origin, built, changes) select id, 0, false, 0 from jam;
insert into participation_jam (jam_id, origin, built, changes) values (0, 0, false, 0);
