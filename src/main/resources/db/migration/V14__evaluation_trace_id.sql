-- The OpenTelemetry trace each evaluation was made in (32 lowercase hex digits), written in the same insert as the
-- rest of the row; null for evaluations stored before tracing and for work outside any trace. Operational metadata:
-- the sealer's digest (EvaluationDigest) does not cover it, so adding it changes no seal. One plain nullable column,
-- so it works the same on a plain or a partitioned evaluation table (V13).
alter table evaluation add column trace_id varchar(32);
alter table evaluation add constraint evaluation_trace_id_hex check (trace_id ~ '^[0-9a-f]{32}$');
