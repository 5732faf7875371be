-- Which milestones of a Jam (opened, closes in a day, in an hour, closed) were announced. The primary key is what
-- makes each go out once, whichever node sees it first and however often the check runs.
create table jam_milestone (
    jam_id     bigint      not null references jam (id),
    milestone  varchar(20) not null,
    reached_at timestamp with time zone not null,
    primary key (jam_id, milestone)
);
