-- An organiser may ask for plain language in a Jam: its pages then show the question first and big, use short
-- sentences, and show pictures beside the reactions.
alter table jam add column plain_language boolean default false not null;
