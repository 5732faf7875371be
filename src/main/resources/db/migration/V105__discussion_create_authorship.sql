-- Who an idea is from beyond its author: ideas entered for someone else with their consent (claimed later), the
-- teams that develop ideas together, and the build-ons an idea's author or team adopted into it.
create table proxy_idea (
    idea_id      bigint                   not null primary key references post (id),
    jam_id       bigint                   not null references jam (id),
    entered_by   bigint                   not null references person (id),
    for_name     varchar(100)             not null,
    for_place    varchar(200),
    for_email    varchar(320),
    consent_how  varchar(20)              not null,
    claim_code   varchar(20)              not null unique,
    entered_at   timestamp with time zone not null,
    claimed_by   bigint references person (id),
    claimed_at   timestamp with time zone
);
create index proxy_idea_entered_by on proxy_idea (entered_by);

create table idea_team (
    idea_id   bigint                   not null references post (id),
    person_id bigint                   not null references person (id),
    joined_at timestamp with time zone not null,
    primary key (idea_id, person_id)
);
create index idea_team_person on idea_team (person_id);

create table adopted_build_on (
    build_on_id bigint                   not null primary key references post (id),
    idea_id     bigint                   not null references post (id),
    adopter_id  bigint                   not null references person (id),
    adopted_at  timestamp with time zone not null
);
create index adopted_build_on_idea on adopted_build_on (idea_id);
