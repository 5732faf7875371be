-- Where each question of a help stream stands. A question is a root post of a help stream (a Jam of kind
-- HELP_STREAM) and its answers are replies; this row is written in the transaction that posts the question, and
-- kept up to date as answers come, so that the stream page and routing read one table and count no replies.
create table help_question (
    question_id     bigint      not null primary key references post (id),
    jam_id          bigint      not null references jam (id),
    forum_id        bigint      not null,                    -- the topic asked about
    asker_id        bigint      not null references person (id),
    asked_at        timestamp with time zone not null,
    status          varchar(12) not null,                    -- OPEN (no answer yet), ANSWERED, SOLVED
    answers         int         not null,                    -- replies by people other than the asker
    first_answer_at timestamp with time zone,
    last_answer_at  timestamp with time zone,
    solution_id     bigint references post (id),             -- the answer the asker marked as the one that solved it
    solved_at       timestamp with time zone,
    assignee_id     bigint references person (id),           -- who it was routed or handed to, if anyone
    assigned_at     timestamp with time zone
);
-- The stream: unanswered first, oldest first (they rise and age), then the rest by latest answer.
create index help_question_stream on help_question (jam_id, status, asked_at);
create index help_question_topic on help_question (forum_id, status, asked_at);
create index help_question_assignee on help_question (assignee_id, status);
