-- One row per "remind everyone who has not accepted" click: the form carries a round id, so sending it twice (a
-- double click, a retry after a timeout) reminds each person once.
create table jam_invitation_reminder (
    jam_id     bigint      not null references jam (id),
    round_id   varchar(40) not null,
    started_at timestamp with time zone not null,
    primary key (jam_id, round_id)
);
