-- The queue's default order (waiting longest first, then the idea's id for stable paging) read straight from an
-- index, for the whole Jam and for one stage, so that a page of 50,000 ideas needs no sort.
create index idea_review_waiting_order on idea_review (jam_id, stage_since, idea_id);
drop index idea_review_queue;
create index idea_review_queue on idea_review (jam_id, stage_key, stage_since, idea_id);
