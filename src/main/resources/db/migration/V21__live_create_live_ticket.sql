-- Tickets of appends to the event log in flight (PostgreSQL): each appending transaction takes a ticket before its
-- event takes an id, and holds a shared advisory lock named by the ticket until it ends. A dispatcher that finds a
-- hole in the ids waits exactly until every append that took a ticket before it saw the hole has ended.
create sequence live_ticket;
