-- The uses still inside a limit's window are kept in the person's rate_limit row (UseTimes), which every counted
-- request already locks: one read and one write per request instead of an update, a delete, a count and an insert.
-- Uses recorded before the upgrade are dropped: a person may use the action a full limit again in the first minute.
alter table rate_limit add column uses bytea;
drop table rate_limit_use;
