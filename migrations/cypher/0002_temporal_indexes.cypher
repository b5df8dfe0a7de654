// "Valid at t" reads: versions of a project or a territory by validity bounds.
CREATE INDEX version_project_to IF NOT EXISTS FOR (v:Version) ON (v.projectId, v.validTo);
CREATE INDEX version_project_from IF NOT EXISTS FOR (v:Version) ON (v.projectId, v.validFrom);
CREATE INDEX version_territory_type IF NOT EXISTS FOR (v:Version) ON (v.territoryId, v.type);
CREATE INDEX version_entity IF NOT EXISTS FOR (v:Version) ON (v.entityId);
// Uniqueness checks and lists of one type within a project.
CREATE INDEX entity_project_type IF NOT EXISTS FOR (e:Entity) ON (e.projectId, e.type);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
// The change log: a project's timeline, an entity's history, the changes a change caused.
CREATE INDEX change_project_recorded IF NOT EXISTS FOR (c:Change) ON (c.projectId, c.recordedAt);
CREATE INDEX change_territory_recorded IF NOT EXISTS FOR (c:Change) ON (c.territoryId, c.recordedAt);
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId);
CREATE INDEX change_cause IF NOT EXISTS FOR (c:Change) ON (c.causeId);
