-- Impact previews run on one instance's worker thread. The instance beats for the previews it holds; a queued or
-- running preview whose beats stopped (the instance was stopped or died) is marked FAILED by any instance.

alter table impact_job add column heartbeat_at timestamptz;
update impact_job set heartbeat_at = coalesce(finished_at, started_at, requested_at);
alter table impact_job alter column heartbeat_at set not null;
create index impact_job_unfinished on impact_job (heartbeat_at) where state in ('QUEUED', 'RUNNING');
