-- A listener is served by one instance at a time under a lease, not under a row lock held for the whole round:
-- the listener's HTTP calls happen outside any transaction, and each delivery's outcome commits on its own, so a
-- slow or hanging listener keeps no transaction (nor vacuum's horizon, nor a pooled connection) open. A lease not
-- renewed by its owner (the instance died) expires and another instance takes the listener over.
alter table event_listener
    add column lease_owner varchar(80),
    add column lease_until timestamptz;
