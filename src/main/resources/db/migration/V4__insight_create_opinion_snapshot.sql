-- Opinion maps: the latest result of the opinion pipeline for a whole Jam (forum_id 0) and for each of its forums,
-- written by whichever node holds the Jam's lease, read by every node.
create table opinion_snapshot (
    jam_id       bigint                   not null references jam (id),
    forum_id     bigint                   not null, -- 0: the whole Jam
    computed_at  timestamp with time zone not null,
    participants int                      not null,
    statements   int                      not null,
    votes        bigint                   not null,
    result       varchar                  not null, -- JSON (OpinionSnapshot); several MB for a 150,000-person Jam
    primary key (jam_id, forum_id)
);

-- Leases give background work to one node at a time: a row is held by one node until it expires.
create table insight_lease (
    name       varchar(100)             primary key,
    holder     varchar(64)              not null,
    expires_at timestamp with time zone not null
);
