-- Each status of the stream is read as one index range in exactly the order the page shows it, ties included, so no
-- page sorts: waiting questions oldest first, the others by their latest answer, newest first (descending columns,
-- because not every database walks an index backwards). These replace the indexes of V96 and V118 that lacked the
-- tie-breaking id or the direction, with which the first page of a 100,000-question stream sorted 25,000 rows.
drop index help_question_stream;
drop index help_question_topic;
drop index help_question_latest;
drop index help_question_topic_latest;
create index help_question_waiting on help_question (jam_id, status, asked_at, question_id);
create index help_question_topic_waiting on help_question (forum_id, status, asked_at, question_id);
create index help_question_latest on help_question (jam_id, status, last_answer_at desc, question_id desc);
create index help_question_topic_latest on help_question (forum_id, status, last_answer_at desc, question_id desc);
