-- Imports of Pol.is conversations: a queue that survives a restart, and each import's progress, read by every node.
-- The uploaded files wait in the data folder of the node that received them (node_folder); that node runs the import.
create table polis_import (
    id               varchar(36)              not null primary key,
    jam_id           bigint                   not null references jam (id),
    forum_id         bigint                   not null,
    person_id        bigint                   not null references person (id),
    node_folder      varchar(1000)            not null,
    state            varchar(16)              not null, -- QUEUED, RUNNING, DONE, FAILED
    people           int                      not null default 0,
    statements       int                      not null default 0,
    statements_total int                      not null default 0,
    left_out         int                      not null default 0,
    votes            bigint                   not null default 0,
    votes_total      bigint                   not null default 0,
    problem          varchar(1000),
    queued_at        timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone
);
create index polis_import_state on polis_import (state, queued_at);
