-- A candidate its author withdraws stays in the record, as WITHDRAWN, and can never be activated.
alter table ruleset drop constraint ruleset_status_check;
alter table ruleset add constraint ruleset_status_check
    check (status in ('CANDIDATE', 'ACTIVE', 'RETIRED', 'WITHDRAWN'));
alter table ruleset add column withdrawn_at timestamptz;
alter table ruleset add column withdrawn_by varchar(100);
alter table ruleset add column withdrawal_reason varchar(500);

-- Each file's SHA-256 is now the plain hash of its bytes, so `sha256sum` on a downloaded file checks it.
update ruleset_file set sha256 = encode(sha256(content), 'hex');
