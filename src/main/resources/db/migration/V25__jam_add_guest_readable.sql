-- An organiser may open a Jam to guests: people who are not signed in then read its home, forums and threads.
alter table jam add column guest_readable boolean default false not null;
