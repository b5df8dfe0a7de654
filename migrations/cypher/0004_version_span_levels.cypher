// Span levels (graph/src/store/span.ts): a closed version's spanLevel is the smallest k >= 0 with
// (validTo - validFrom) <= 2^k days, capped at 22. Past reads seek each level's window of the
// (projectId, spanLevel, validFrom) index instead of scanning the project's whole history.
CREATE INDEX version_project_span IF NOT EXISTS FOR (v:Version) ON (v.projectId, v.spanLevel, v.validFrom);
// Backfill the versions closed before this migration (same expression as spanLevelCypher).
MATCH (v:Version)
WHERE v.validTo < datetime('9999-12-31T00:00:00Z') AND v.spanLevel IS NULL
WITH v, toFloat(v.validTo.epochMillis - v.validFrom.epochMillis) / 86400000.0 AS days
SET v.spanLevel = CASE
  WHEN days <= 1.0 THEN 0
  WHEN days >= 2.0 ^ 22 THEN 22
  ELSE toInteger(ceil(log(days) / log(2.0))) END;
