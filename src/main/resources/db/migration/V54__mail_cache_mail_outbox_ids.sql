-- An invitation list records 150,000 messages in one transaction: the outbox hands out ids in blocks of 1,000
-- instead of a few dozen (H2 spent a third of the time of recording them on its id sequence). Ids stay unique;
-- a restart may leave a gap, which nothing reads.
alter table mail_outbox alter column id set cache 1000;
