-- The stream reads each status as one range of an index, in the order it shows: open questions by when they were
-- asked (V96's indexes), answered and solved ones by their latest answer, newest first (these).
create index help_question_latest on help_question (jam_id, status, last_answer_at, question_id);
create index help_question_topic_latest on help_question (forum_id, status, last_answer_at, question_id);
