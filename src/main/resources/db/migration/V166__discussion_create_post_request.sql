-- A request key per post written with one (the API's Idempotency-Key header, the forms' hidden requestKey): a retry
-- of the same request after a lost answer gets the post written the first time instead of a second one. Kept a day.
create table post_request (
    author_id   bigint       not null,
    request_key varchar(100) not null,
    post_id     bigint       not null,
    created_at  timestamp with time zone not null,
    primary key (author_id, request_key)
);
create index post_request_created_at on post_request (created_at);
