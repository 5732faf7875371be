-- Sentence vectors of posts, one per post and model (a new model re-encodes every post beside the old vectors).
-- vector is null when the post's language is not one the model covers: it was looked at, and keeps TF-IDF.
-- text_hash is the hash of the text that was encoded, so that re-reading an edit that changed nothing encodes nothing.
create table meaning_post_vector (
    post_id    bigint       not null,
    model      varchar(200) not null,
    text_hash  bigint       not null,
    vector     bytea,
    encoded_at timestamp with time zone not null,
    primary key (post_id, model)
);

-- How far the encoder got, per model: the highest post id encoded, and the latest edit it re-read.
create table meaning_progress (
    model        varchar(200) not null primary key,
    last_post_id bigint       not null,
    last_edit    timestamp with time zone not null
);
