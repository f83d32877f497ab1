-- Idempotency-Key: a retried request with the same key and body gets the original answer.

create table idempotency_key (
    scope        varchar(40)  not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    location     varchar(300),
    body         text         not null,
    created_at   timestamptz  not null default now(),
    primary key (scope, key)
);
