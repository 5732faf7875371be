-- Sessions that began before this moment end on their next request: set when a password is reset by mail, so
-- whoever knew the old password is signed out everywhere. Null: every session is valid.
alter table person add column sessions_valid_from timestamp with time zone;
