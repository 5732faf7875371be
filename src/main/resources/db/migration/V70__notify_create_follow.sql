-- Who follows or mutes a thread or a forum. One row per person and place: following and muting exclude each other.
-- Authors follow the threads they start (a row written when the thread starts), so they may unfollow like anyone.
create table follow (
    person_id   bigint      not null references person (id),
    target_kind varchar(10) not null, -- THREAD (the id of its idea) or FORUM
    target_id   bigint      not null,
    state       varchar(10) not null, -- FOLLOW or MUTE
    since       timestamp with time zone not null,
    primary key (person_id, target_kind, target_id)
);
create index follow_target on follow (target_kind, target_id, state);
