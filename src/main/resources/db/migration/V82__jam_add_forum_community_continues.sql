-- After the Jam the organiser chooses which forums continue as communities; the others stay as read-only archives.
-- True by default: a Jam whose organisers allowed posting in the community phase keeps every forum open, as before.
alter table forum add column community_continues boolean default true not null;
