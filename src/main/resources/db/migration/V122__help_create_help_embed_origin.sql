-- The origins (scheme, host and port) of the websites that may frame a help stream's embeddable page; the page's
-- Content-Security-Policy names them in frame-ancestors. No rows: no site may frame it.
create table help_embed_origin (
    jam_id bigint       not null references jam (id),
    origin varchar(300) not null,
    primary key (jam_id, origin)
);
