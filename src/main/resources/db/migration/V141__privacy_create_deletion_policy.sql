-- What happens to the posts of an account its owner deletes (ADR 44): KEEP_POSTS (shown by a "former participant",
-- the default) or REMOVE_POSTS (text replaced, threads kept). One row; administrators change it on /admin/privacy/deletion.
create table privacy_deletion_policy (
    id         int         not null primary key,
    policy     varchar(20) not null,
    changed_by bigint,
    changed_at timestamp with time zone
);
insert into privacy_deletion_policy (id, policy) values (1, 'KEEP_POSTS');
