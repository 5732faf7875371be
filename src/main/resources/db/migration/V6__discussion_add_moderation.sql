-- What facilitators do to posts: hide (with the reason the author sees), pin ideas to the top of their forum,
-- spotlight posts on the Jam's home, and mark posts written by a guest during their session.
alter table post add column hidden_at timestamp with time zone;
alter table post add column hidden_reason varchar(500);
alter table post add column pinned_at timestamp with time zone;
alter table post add column spotlit_at timestamp with time zone;
alter table post add column guest_label varchar(100);
create index post_spotlit on post (jam_id, spotlit_at);
