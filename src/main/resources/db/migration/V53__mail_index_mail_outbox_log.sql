-- The administrators' mail log pages through 150,000 messages newest first, by state, and finds them by recipient.
-- (The sender's claim uses mail_outbox_due on (state, next_attempt_at).)
create index mail_outbox_state_id on mail_outbox (state, id);
create index mail_outbox_recipient on mail_outbox (recipient);
