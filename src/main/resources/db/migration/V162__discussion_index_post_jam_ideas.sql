-- The Jam's home counts its ideas on every view: without this index a Jam of 100,000 posts read every post row.
create index post_jam_ideas on post (jam_id, parent_id, id);
