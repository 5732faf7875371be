-- Secrets of this installation, made once by whichever node first needs one and shared by every node (for example
-- the key that orders the points of opinion maps, so that a point's place in the list says nothing about who it is).
create table insight_secret (
    name   varchar(100) primary key,
    secret varchar(200) not null -- Base64
);
