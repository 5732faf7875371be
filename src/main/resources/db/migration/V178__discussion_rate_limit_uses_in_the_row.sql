-- The uses still inside a limit's window are kept in the person's rate_limit row (UseTimes), which every counted
-- request already locks: one read and one write per request instead of an update, a delete, a count and an insert.
-- rate_limit_use is no longer written or read. It stays for one release, so that nodes of the previous version keep
-- working during a rolling upgrade (they count there, this version in the row: for that time a person may use up to
-- twice a limit); a later migration drops it.
alter table rate_limit add column uses bytea;
