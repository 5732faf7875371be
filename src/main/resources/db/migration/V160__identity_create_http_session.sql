-- Browser sessions in the database (Spring Session JDBC), so that any node serves any browser and a node restart
-- signs no one out (ADR 53). The layout is Spring Session's own; Flyway creates it rather than Spring Session, on
-- H2 and PostgreSQL alike (bytea is a binary type in both). Expired sessions are deleted every minute by each node.
create table http_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(320), -- an e-mail address may be that long (Spring Session says 100)
    constraint http_session_pk primary key (primary_id)
);
create unique index http_session_ix1 on http_session (session_id);
create index http_session_ix2 on http_session (expiry_time);
create index http_session_ix3 on http_session (principal_name);

-- One row per attribute, serialised (the security context, the CSRF token, a saved request, a kept form...).
create table http_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_session_attributes_fk foreign key (session_primary_id) references http_session (primary_id)
        on delete cascade
);
