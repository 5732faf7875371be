-- A split or a move lists every post it takes: about 500 post ids overflowed varchar(4000). A varchar without a
-- length holds any list on both databases (PostgreSQL: unlimited; H2: up to a billion characters).
alter table theme_decision alter column post_ids set data type varchar;
