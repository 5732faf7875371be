-- A new account or a changed address looks up the Jams that invite it (participation figures, ADR 52).
create index jam_invitation_email on jam_invitation (email);
