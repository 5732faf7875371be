-- The search index asks every second which posts were edited since it last looked (edits made on other nodes).
create index post_edited_at on post (edited_at);
