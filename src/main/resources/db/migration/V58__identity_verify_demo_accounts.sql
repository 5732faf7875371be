-- Addresses are verified from now on (V51 added the column). Existing password accounts stay unverified: their
-- owners see a notice and verify once, because nobody ever proved they own the address they typed. Accounts made
-- by the demo content live under demo.incrowd.example, a domain reserved for examples that no mailbox can have;
-- new demo content is created verified, and demo data from before this version is made so here.
update person set email_verified_at = created_at where email like '%@demo.incrowd.example';
