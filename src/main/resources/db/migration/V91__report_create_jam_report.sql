-- The Jam report: what we heard, what happens next, and the recommendations, each traced to its sources.

-- One report per Jam. published_at null: a draft only organisers see.
create table jam_report (
    jam_id       bigint        not null primary key references jam (id),
    heard        varchar(20000) not null,
    next_steps   varchar(20000) not null,
    updated_at   timestamp with time zone not null,
    updated_by   bigint        not null references person (id),
    published_at timestamp with time zone,
    published_by bigint        references person (id)
);

-- The recommendations in the report's order. Sources are kept as the organiser chose them: Jam Pulse theme keys,
-- post ids and opinion group ids, space separated (a handful each), so the report reads only what it cites.
create table report_recommendation (
    jam_id    bigint        not null references jam (id),
    position  int           not null,
    title     varchar(200)  not null,
    rationale varchar(8000) not null,
    themes    varchar(2000) not null,
    posts     varchar(2000) not null,
    opinion_groups varchar(200) not null,
    primary key (jam_id, position)
);
