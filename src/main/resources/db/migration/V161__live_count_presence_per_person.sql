-- "N people here now" counts people, not open pages (ADR 53): each node writes one row per person and place it holds
-- streams of (guests, person 0, as one row with their number of streams), only when that changes, and refreshes one
-- row of its own every few seconds to show it is alive. Every node counts the distinct people of the live nodes.
-- A node that dies stops refreshing; its rows stop counting after the expiry and are deleted later.
drop table live_presence;

create table live_presence_node (
    node_id varchar(40)              not null primary key,
    seen_at timestamp with time zone not null
);
create index live_presence_node_seen on live_presence_node (seen_at);

create table live_presence_person (
    node_id   varchar(40) not null,
    place     varchar(40) not null, -- jam:<id>, forum:<id> or thread:<id>
    person_id bigint      not null, -- 0: guests, counted by their streams
    streams   integer     not null,
    primary key (node_id, place, person_id)
);
