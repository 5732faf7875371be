-- Who made each edit, now that an idea's team may edit it as well as its author (null: the author, before this).
alter table post_revision add column editor_id bigint references person (id);
