-- Audit that can grow for years: evaluation and rule_firing become range-partitioned by month of evaluated_at
-- (months in the operator's zone, America/Lima), existing rows are moved with their ids, xids and seals; the seal
-- chain continues per month; personal data in the facts of an old month can be pseudonymised by a recorded four-eyes
-- retention run (the only path through the append-only triggers); orders under legal hold are kept out of it.
-- Needs PostgreSQL 13 or later (BEFORE row triggers on partitioned tables); the embedded server is 17.

-- The month (first day, Lima) an instant belongs to: partition, chain segment and retention all use this one.
create function audit_month_of(at timestamptz) returns date language sql immutable parallel safe as $$
    select date_trunc('month', at at time zone 'America/Lima')::date
$$;

-- Triggers name the logical table (a row trigger cloned onto a partition would otherwise name the partition).
create or replace function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', coalesce(tg_argv[0], tg_table_name), tg_op
        using errcode = 'insufficient_privilege';
end
$$;

-- An evaluation may change in one way only: a retention run replacing its facts and customer document, inside
-- audit_pseudonymise (which sets the transaction-local flag); every other column, also any added later, must stay.
create function audit_evaluation_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and coalesce(current_setting('orders.audit.pseudonymising', true), '') <> ''
            and to_jsonb(new) - 'facts' - 'customer_document' = to_jsonb(old) - 'facts' - 'customer_document' then
        return new;
    end if;
    raise exception 'evaluation is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

-- 1. The old tables step aside (their foreign keys first).
alter table rule_firing drop constraint rule_firing_evaluation_id_fkey;
alter table evaluation_seal drop constraint evaluation_seal_evaluation_id_fkey;
alter table evaluation rename to evaluation_unpartitioned;
alter table rule_firing rename to rule_firing_unpartitioned;
alter table evaluation_unpartitioned rename constraint evaluation_pkey to evaluation_unpartitioned_pkey;
alter table rule_firing_unpartitioned rename constraint rule_firing_pkey to rule_firing_unpartitioned_pkey;

-- 2. Ids keep coming from where they were: a plain sequence (identity on partitioned tables needs PostgreSQL 17).
create sequence evaluation_id_seq_p;
select setval('evaluation_id_seq_p', greatest(
    (select coalesce(max(id), 0) from evaluation_unpartitioned),
    (select case when is_called then last_value else last_value - 1 end from evaluation_id_seq), 1));
alter table evaluation_unpartitioned alter column id drop identity;
alter sequence evaluation_id_seq_p rename to evaluation_id_seq;

create table evaluation (
    id                bigint       not null default nextval('evaluation_id_seq'),
    order_id          bigint       not null references orders (id),
    order_number      varchar(20)  not null,
    channel           varchar(20)  not null,
    customer_document varchar(30)  not null,
    decision          varchar(10)  not null check (decision in ('RELEASED', 'HELD', 'REJECTED')),
    ruleset_version   integer      not null references ruleset (version),
    ruleset_hash      varchar(64)  not null,
    facts             jsonb        not null,
    results           jsonb        not null,
    evaluated_at      timestamptz  not null,
    duration_micros   bigint       not null,
    actor             varchar(120) not null,
    app_version       varchar(40)  not null,
    drools_version    varchar(40)  not null,
    xid               xid8         not null default pg_current_xact_id(),
    primary key (id, evaluated_at)
) partition by range (evaluated_at);
alter sequence evaluation_id_seq owned by evaluation.id;

-- A firing carries its evaluation's time, written in the same insert, so it lives in its evaluation's month.
create table rule_firing (
    evaluation_id bigint       not null,
    evaluated_at  timestamptz  not null,
    sequence      integer      not null,
    rule_id       varchar(60)  not null,
    rule_name     varchar(300) not null,
    description   varchar(1000),
    source        varchar(200),
    sheet         varchar(100),
    row_number    integer,
    check_name    varchar(20),
    item_line     integer,
    outcome       varchar(10),
    reason_code   varchar(80),
    primary key (evaluation_id, sequence, evaluated_at),
    foreign key (evaluation_id, evaluated_at) references evaluation (id, evaluated_at)
) partition by range (evaluated_at);

-- A safety net, normally empty: an evaluation dated outside every month created ahead still goes in (an insert
-- never fails). Its month's partition can then not be created until the rows are moved (docs/audit.md).
create table evaluation_default partition of evaluation default;
create table rule_firing_default partition of rule_firing default;

-- 3. Months are created by the schema owner through this function only; the application role may call it (the
-- partition job) but needs no CREATE on the schema. A month whose rows sit in the default partition is skipped.
create function audit_ensure_month(p_month date) returns boolean language plpgsql security definer
    set search_path = public, pg_temp as $$
declare
    v_month  date        := date_trunc('month', p_month)::date;
    v_from   timestamptz := v_month::timestamp at time zone 'America/Lima';
    v_to     timestamptz := (v_month + interval '1 month')::timestamp at time zone 'America/Lima';
    v_suffix text        := to_char(v_month, '"y"YYYY"m"MM');
    v_table  text;
begin
    if to_regclass('public.evaluation_' || v_suffix) is not null then
        return false;
    end if;
    perform pg_advisory_xact_lock(727013);
    if to_regclass('public.evaluation_' || v_suffix) is not null then
        return false;
    end if;
    if exists (select 1 from evaluation_default where evaluated_at >= v_from and evaluated_at < v_to) then
        raise warning 'Evaluations of % wait in evaluation_default: its partition is not created', v_month;
        return false;
    end if;
    -- a partition is created under a brief exclusive lock on the parent: never queue behind a long reader for long
    perform set_config('lock_timeout', '5s', true);
    foreach v_table in array array['evaluation', 'rule_firing'] loop
        execute format('create table %I partition of %I for values from (%L) to (%L)',
            v_table || '_' || v_suffix, v_table, v_from, v_to);
        execute format('create trigger %I before truncate on %I for each statement'
            || ' execute function audit_refuse_change(%L)', v_table || '_no_truncate', v_table || '_' || v_suffix,
            v_table);
        if '${app_role}' <> current_user and exists (select 1 from pg_roles where rolname = '${app_role}') then
            execute format('revoke update, delete, truncate on %I from ${app_role}', v_table || '_' || v_suffix);
            execute format('grant select, insert on %I to ${app_role}', v_table || '_' || v_suffix);
        end if;
    end loop;
    return true;
end
$$;

-- 4. The rows move: every month the old record spans gets its partition, plus this month and the next three.
select audit_ensure_month(m::date)
from generate_series(
    coalesce(least((select audit_month_of(min(evaluated_at)) from evaluation_unpartitioned),
                   audit_month_of(now())), audit_month_of(now()))::timestamp,
    (audit_month_of(now()) + interval '3 months')::timestamp, interval '1 month') m;

insert into evaluation (id, order_id, order_number, channel, customer_document, decision, ruleset_version,
                        ruleset_hash, facts, results, evaluated_at, duration_micros, actor, app_version,
                        drools_version, xid)
select id, order_id, order_number, channel, customer_document, decision, ruleset_version, ruleset_hash, facts,
       results, evaluated_at, duration_micros, actor, app_version, drools_version, xid
from evaluation_unpartitioned;

insert into rule_firing (evaluation_id, evaluated_at, sequence, rule_id, rule_name, description, source, sheet,
                         row_number, check_name, item_line, outcome, reason_code)
select f.evaluation_id, e.evaluated_at, f.sequence, f.rule_id, f.rule_name, f.description, f.source, f.sheet,
       f.row_number, f.check_name, f.item_line, f.outcome, f.reason_code
from rule_firing_unpartitioned f join evaluation_unpartitioned e on e.id = f.evaluation_id;

-- the old tables are append-only too: their triggers go with them
drop table rule_firing_unpartitioned;
drop table evaluation_unpartitioned;

-- 5. Indexes (on the parent: every partition, present and future, gets them).
create index evaluation_order on evaluation (order_id, id desc);
create index evaluation_time on evaluation (evaluated_at desc, id desc);
create index evaluation_xid on evaluation (xid, id);
create index evaluation_customer on evaluation (customer_document, evaluated_at desc);
create index evaluation_order_number on evaluation (order_number);
create index evaluation_decision on evaluation (decision, evaluated_at desc);
create index evaluation_channel on evaluation (channel, evaluated_at desc);
create index evaluation_ruleset on evaluation (ruleset_version, evaluated_at desc);
create index evaluation_results on evaluation using gin (results jsonb_path_ops);
create index rule_firing_rule on rule_firing (rule_id, evaluation_id);

-- 6. Append-only again: row triggers on the parent reach every partition; TRUNCATE triggers are per table
-- (audit_ensure_month added them to each month, and adds them to every later one).
create trigger evaluation_append_only before update or delete on evaluation
    for each row execute function audit_evaluation_change();
create trigger evaluation_no_truncate before truncate on evaluation
    for each statement execute function audit_refuse_change('evaluation');
create trigger rule_firing_append_only before update or delete on rule_firing
    for each row execute function audit_refuse_change('rule_firing');
create trigger rule_firing_no_truncate before truncate on rule_firing
    for each statement execute function audit_refuse_change('rule_firing');
create trigger evaluation_no_truncate before truncate on evaluation_default
    for each statement execute function audit_refuse_change('evaluation');
create trigger rule_firing_no_truncate before truncate on rule_firing_default
    for each statement execute function audit_refuse_change('rule_firing');

-- 7. Seals point at (evaluation, time) and name their month: the chain is carried month to month from here on.
alter table evaluation_seal add column evaluated_at timestamptz, add column month date;
alter table evaluation_seal disable trigger evaluation_seal_append_only;
update evaluation_seal s set evaluated_at = e.evaluated_at, month = audit_month_of(e.evaluated_at)
    from evaluation e where e.id = s.evaluation_id;
alter table evaluation_seal enable trigger evaluation_seal_append_only;
alter table evaluation_seal alter column evaluated_at set not null, alter column month set not null,
    add check (month = audit_month_of(evaluated_at));
alter table evaluation_seal add foreign key (evaluation_id, evaluated_at) references evaluation (id, evaluated_at);
create index evaluation_seal_month on evaluation_seal (month, seq);

-- Links up to here follow the previous seal whatever its month; from this seal on, a link follows the head of its
-- own month, and a month's first link follows the head of the nearest earlier month (or the genesis).
create table audit_chain_format (
    per_month_from_seq bigint      not null,
    since              timestamptz not null default now()
);
insert into audit_chain_format (per_month_from_seq) select coalesce(max(seq), 0) + 1 from evaluation_seal;
create trigger audit_chain_format_append_only before insert or update or delete on audit_chain_format
    for each row execute function audit_refuse_change('audit_chain_format');
create trigger audit_chain_format_no_truncate before truncate on audit_chain_format
    for each statement execute function audit_refuse_change('audit_chain_format');

-- 8. Legal hold: orders kept out of retention, with who placed (and lifted) the hold and why.
create table audit_legal_hold (
    id             bigint generated by default as identity primary key,
    order_id       bigint        not null references orders (id),
    order_number   varchar(20)   not null,
    reason         varchar(2000) not null,
    placed_by      varchar(120)  not null,
    placed_at      timestamptz   not null,
    lifted_by      varchar(120),
    lifted_at      timestamptz,
    lift_reason    varchar(2000)
);
create unique index audit_legal_hold_active on audit_legal_hold (order_id) where lifted_at is null;
create trigger audit_legal_hold_no_delete before delete on audit_legal_hold
    for each row execute function audit_refuse_change('audit_legal_hold');

-- 9. Retention runs: requested by one person, approved by another, then applied; once applied a run is sealed
-- (hash-linked to the previous applied run) and never changes.
create table audit_retention_run (
    id              bigint generated by default as identity primary key,
    month           date          not null check (month = date_trunc('month', month)),
    reason          varchar(2000) not null,
    requested_by    varchar(120)  not null,
    requested_at    timestamptz   not null,
    approved_by     varchar(120),
    approved_at     timestamptz,
    status          varchar(10)   not null check (status in ('REQUESTED', 'APPLYING', 'APPLIED')),
    applied_at      timestamptz,
    pseudonymised   bigint        not null default 0,
    held            bigint        not null default 0,
    unsealed        bigint        not null default 0,
    records_digest  varchar(64),
    prev_hash       varchar(64),
    hash            varchar(64),
    check (approved_by is null or approved_by <> requested_by),
    check (status = 'REQUESTED' or approved_by is not null)
);
create unique index audit_retention_run_open on audit_retention_run (month) where status <> 'APPLIED';

create function audit_retention_run_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status <> 'APPLIED' and (new.id, new.month, new.reason, new.requested_by,
            new.requested_at) is not distinct from (old.id, old.month, old.reason, old.requested_by, old.requested_at)
            and (old.approved_by is null or new.approved_by is not distinct from old.approved_by) then
        return new;
    end if;
    raise exception 'audit_retention_run is append-only once applied: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_retention_run_append_only before update or delete on audit_retention_run
    for each row execute function audit_retention_run_change();

-- One row per pseudonymised evaluation: what its facts were (digest), the seal it had, and the hash its rewritten
-- record gives on the same link, so verification accounts for it instead of reporting a broken chain.
create table evaluation_pseudonymised (
    evaluation_id      bigint      primary key,
    evaluated_at       timestamptz not null,
    run_id             bigint      not null references audit_retention_run (id),
    seal_seq           bigint      not null references evaluation_seal (seq),
    original_digest    varchar(64) not null,
    pseudonymised_hash varchar(64) not null,
    fields             text[]      not null,
    pseudonymised_at   timestamptz not null,
    foreign key (evaluation_id, evaluated_at) references evaluation (id, evaluated_at)
);
create index evaluation_pseudonymised_run on evaluation_pseudonymised (run_id, evaluation_id);
create trigger evaluation_pseudonymised_append_only before update or delete on evaluation_pseudonymised
    for each row execute function audit_refuse_change('evaluation_pseudonymised');
create trigger evaluation_pseudonymised_no_truncate before truncate on evaluation_pseudonymised
    for each statement execute function audit_refuse_change('evaluation_pseudonymised');

-- The narrow path: replaces one evaluation's facts and customer document for a run that two different people
-- approved, in the run's month, of an order not under legal hold, whose seal is the one named; records it.
create function audit_pseudonymise(p_run bigint, p_evaluation bigint, p_facts jsonb, p_customer_document text,
        p_seal_seq bigint, p_original_digest text, p_pseudonymised_hash text, p_fields text[])
    returns void language plpgsql security definer set search_path = public, pg_temp as $$
declare
    v_run   audit_retention_run;
    v_eval  record;
begin
    select * into v_run from audit_retention_run where id = p_run;
    if v_run.id is null or v_run.status <> 'APPLYING' or v_run.approved_by is null
            or v_run.approved_by = v_run.requested_by then
        raise exception 'Retention run % is not approved by a second person', p_run using errcode = 'insufficient_privilege';
    end if;
    select id, order_id, evaluated_at into v_eval from evaluation where id = p_evaluation;
    if v_eval.id is null or audit_month_of(v_eval.evaluated_at) <> v_run.month then
        raise exception 'Evaluation % is not in the month of retention run %', p_evaluation, p_run
            using errcode = 'insufficient_privilege';
    end if;
    if exists (select 1 from audit_legal_hold where order_id = v_eval.order_id and lifted_at is null) then
        raise exception 'Evaluation % belongs to an order under legal hold', p_evaluation
            using errcode = 'insufficient_privilege';
    end if;
    if not exists (select 1 from evaluation_seal where seq = p_seal_seq and evaluation_id = p_evaluation) then
        raise exception 'Evaluation % is not sealed as seal %', p_evaluation, p_seal_seq
            using errcode = 'insufficient_privilege';
    end if;
    perform set_config('orders.audit.pseudonymising', p_run::text, true);
    update evaluation set facts = p_facts, customer_document = p_customer_document
        where id = p_evaluation and evaluated_at = v_eval.evaluated_at;
    perform set_config('orders.audit.pseudonymising', '', true);
    insert into evaluation_pseudonymised (evaluation_id, evaluated_at, run_id, seal_seq, original_digest,
        pseudonymised_hash, fields, pseudonymised_at)
    values (p_evaluation, v_eval.evaluated_at, p_run, p_seal_seq, p_original_digest, p_pseudonymised_hash, p_fields,
        now());
end
$$;

-- 10. The application role: insert and read the record, call the two functions, keep the retention tables.
revoke all on function audit_ensure_month(date) from public;
revoke all on function audit_pseudonymise(bigint, bigint, jsonb, text, bigint, text, text, text[]) from public;
do $$
begin
    if '${app_role}' <> current_user and exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert on evaluation, rule_firing, evaluation_default, rule_firing_default to ${app_role}';
        execute 'revoke update, delete, truncate on evaluation, rule_firing, evaluation_default, rule_firing_default'
            || ' from ${app_role}';
        execute 'grant select, insert on evaluation_pseudonymised, audit_chain_format to ${app_role}';
        execute 'revoke update, delete, truncate on evaluation_pseudonymised, audit_chain_format from ${app_role}';
        execute 'revoke delete, truncate on audit_retention_run, audit_legal_hold from ${app_role}';
        execute 'grant usage, select on sequence evaluation_id_seq to ${app_role}';
        execute 'grant execute on function audit_ensure_month(date) to ${app_role}';
        execute 'grant execute on function audit_pseudonymise(bigint, bigint, jsonb, text, bigint, text, text, text[])'
            || ' to ${app_role}';
    end if;
end
$$;
