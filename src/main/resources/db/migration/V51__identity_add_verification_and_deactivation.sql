-- When the person proved they read mail at their address (null: not yet), and when an administrator deactivated the
-- account (null: active). What existing accounts get is decided by the migrations that use these columns.
alter table person add column email_verified_at timestamp with time zone;
alter table person add column deactivated_at timestamp with time zone;
