-- "N people here now": each node writes how many live streams it holds per place (a Jam, forum or thread page) and
-- refreshes the rows every few seconds; every node sums the fresh rows. A node that dies stops refreshing, and its
-- rows stop counting once they are older than the expiry (and are deleted later).
create table live_presence (
    node_id varchar(40)              not null,
    place   varchar(40)              not null, -- jam:<id>, forum:<id> or thread:<id>
    streams integer                  not null,
    seen_at timestamp with time zone not null,
    primary key (node_id, place)
);
create index live_presence_seen on live_presence (seen_at);
