-- Ideas joined into another one (a merge both authors consented to), and the reactions each joined idea had, kept
-- so that the join can be undone exactly.
create table post_join (
    post_id      bigint not null primary key references post (id),
    into_post_id bigint not null references post (id),
    joined_at    timestamp with time zone not null
);
create index post_join_into on post_join (into_post_id);

-- The joined idea's reactions as they were. moved: the reaction now counts on the surviving idea; not moved: the
-- person had reacted to the surviving idea too, and that reaction was kept (one person, one reaction per idea).
create table joined_reaction (
    post_id    bigint      not null references post (id),
    person_id  bigint      not null references person (id),
    kind       varchar(10) not null,
    reacted_at timestamp with time zone not null,
    moved      boolean     not null,
    primary key (post_id, person_id)
);
