-- A post its author chose to sign with their own name in a pseudonymous forum.
alter table post add column signed_by_name boolean default false not null;
