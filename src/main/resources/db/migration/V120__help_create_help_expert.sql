-- Who knows which topic of a help stream, and whether they are there to take questions. An expert is a member of
-- the stream who named topics (the stream's forums) they know; routing sends each new question to the available
-- expert of its topic with the fewest questions waiting for them.
create table help_expert (
    jam_id           bigint  not null references jam (id),
    person_id        bigint  not null references person (id),
    away_until       timestamp with time zone,               -- "away until ...": takes no questions before then
    off_shift        boolean not null,                       -- off shift until they say they are back
    last_assigned_at timestamp with time zone,               -- ties go to whoever waited longest for a question
    primary key (jam_id, person_id)
);
create table help_expertise (
    jam_id    bigint not null references jam (id),
    person_id bigint not null references person (id),
    forum_id  bigint not null,                               -- a topic they know
    primary key (jam_id, person_id, forum_id)
);
create index help_expertise_topic on help_expertise (forum_id, person_id);
-- Topics organisers marked "general / not sure": a question asked there is routed to the topic its words match.
create table help_general_topic (
    forum_id bigint not null primary key,
    jam_id   bigint not null references jam (id)
);
