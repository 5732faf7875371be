-- Where the live opinion map's replay of a Jam's history stood at the ends of some hours (ADR 55), for the whole
-- Jam (forum_id 0) and each forum, so that the first pass after a restart, or on another node, resumes there instead
-- of replaying every hour. A row is a function of its key alone: method (the replay's version and settings),
-- ends_hour (hours since the epoch: every vote before it taken in) and fingerprint (of those votes). Any node that
-- reaches that hour with those votes writes the same state, so rows are shared by all nodes and never updated.
create table opinion_history_checkpoint (
    jam_id      bigint       not null references jam (id),
    forum_id    bigint       not null,
    method      varchar(100) not null,
    ends_hour   bigint       not null,
    fingerprint bigint       not null,
    state       bytea        not null, -- deflated components and clusters; about a MB for a 150,000-person Jam
    primary key (jam_id, forum_id, method, ends_hour, fingerprint)
);
