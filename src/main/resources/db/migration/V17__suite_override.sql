-- Regression suites (issue 19): a candidate whose suite cases fail is activated only when an approver overrides
-- them with a reason. The override is recorded on the activation itself (who and when are the activation's): the
-- reason given and the cases that failed, one per line as "CASE-ID (file!sheet!cell)".
alter table ruleset_activation add column suite_override_reason varchar(2000);
alter table ruleset_activation add column suite_failed_cases text;
