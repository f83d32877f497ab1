-- Audit: evaluations and firings are append-only (triggers here, privileges for the application role below),
-- sealed into a hash chain by one sealer, and indexed for the auditors' searches on millions of rows.

-- The transaction that inserted each evaluation: the sealer chains only evaluations older than every transaction
-- still in flight (pg_snapshot_xmin), so an evaluation can never commit "behind" the head of the chain.
alter table evaluation add column xid xid8 not null default pg_current_xact_id();
create index evaluation_xid on evaluation (xid, id);

-- Searches: every filter has an index that also gives newest-first order; checks and reason codes by containment.
drop index evaluation_time;
create index evaluation_time on evaluation (evaluated_at desc, id desc);
create index evaluation_customer on evaluation (customer_document, evaluated_at desc);
create index evaluation_order_number on evaluation (order_number);
create index evaluation_decision on evaluation (decision, evaluated_at desc);
create index evaluation_channel on evaluation (channel, evaluated_at desc);
create index evaluation_ruleset on evaluation (ruleset_version, evaluated_at desc);
create index evaluation_results on evaluation using gin (results jsonb_path_ops);

create table evaluation_seal (
    seq            bigint      primary key,
    evaluation_id  bigint      not null unique references evaluation (id),
    evaluation_xid xid8        not null,
    prev_hash      varchar(64) not null,
    hash           varchar(64) not null,
    sealed_at      timestamptz not null
);
create index evaluation_seal_time on evaluation_seal (sealed_at);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger evaluation_append_only before update or delete on evaluation
    for each row execute function audit_refuse_change();
create trigger evaluation_no_truncate before truncate on evaluation
    for each statement execute function audit_refuse_change();
create trigger rule_firing_append_only before update or delete on rule_firing
    for each row execute function audit_refuse_change();
create trigger rule_firing_no_truncate before truncate on rule_firing
    for each statement execute function audit_refuse_change();
create trigger evaluation_seal_append_only before update or delete on evaluation_seal
    for each row execute function audit_refuse_change();
create trigger evaluation_seal_no_truncate before truncate on evaluation_seal
    for each statement execute function audit_refuse_change();

-- The application role (placeholder app_role = the datasource user) reads and writes the business tables, but may
-- only insert and read the audit record. Skipped when the application connects as the owner (single-role setup).
do $$
begin
    if '${app_role}' <> current_user and exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant usage on schema public to ${app_role}';
        execute 'grant select, insert, update, delete on all tables in schema public to ${app_role}';
        execute 'grant usage, select on all sequences in schema public to ${app_role}';
        execute 'revoke update, delete, truncate on evaluation, rule_firing, evaluation_seal from ${app_role}';
        execute 'revoke insert, update, delete, truncate on flyway_schema_history from ${app_role}';
        execute 'alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role}';
        execute 'alter default privileges in schema public grant usage, select on sequences to ${app_role}';
    end if;
end
$$;
