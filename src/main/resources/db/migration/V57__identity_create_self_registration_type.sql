-- The participant types people may choose when they sign up themselves; every other type comes from an invitation,
-- single sign-on or an administrator. By default only the least privileged type: the public.
create table self_registration_type (
    participant_type varchar(20) primary key
);
insert into self_registration_type (participant_type) values ('PUBLIC');
