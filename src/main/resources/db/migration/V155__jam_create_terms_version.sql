-- Versioned terms: the organisation's terms of use (scope 'organisation') and each Jam's terms (scope 'jam-<id>').
-- A saved change is a new version; old versions are kept so that anyone can read what they once accepted.
create table terms_version (
    scope        varchar(40)              not null,
    version      integer                  not null,
    text         varchar(10000)           not null, -- empty: the scope asks for no terms from this version on
    published_at timestamp with time zone not null,
    published_by bigint                   not null, -- no reference: a deleted account leaves its versions
    primary key (scope, version)
);

-- Which version of which terms a person accepted, and when; a new version asks again before their next post.
create table terms_acceptance (
    person_id   bigint                   not null references person (id),
    scope       varchar(40)              not null,
    version     integer                  not null,
    accepted_at timestamp with time zone not null,
    primary key (person_id, scope, version),
    foreign key (scope, version) references terms_version (scope, version)
);
create index terms_acceptance_scope on terms_acceptance (scope, version);

-- The terms each Jam has today become its version 1, accepted by everyone who joined it (joining asked for them).
insert into terms_version (scope, version, text, published_at, published_by)
select 'jam-' || cast(id as varchar(20)), 1, terms, created_at, created_by from jam
where terms is not null and trim(terms) <> '';

insert into terms_acceptance (person_id, scope, version, accepted_at)
select m.person_id, 'jam-' || cast(m.jam_id as varchar(20)), 1, m.joined_at
from jam_member m join jam j on j.id = m.jam_id
where j.terms is not null and trim(j.terms) <> '';
