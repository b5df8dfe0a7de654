// Accounts and credentials (graph/src/access/, ADR 0004). Secrets are stored as SHA-256
// hashes; each hash is unique and is what a request looks up.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
// E-mails are stored lower-cased, so uniqueness is case-insensitive.
CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE;
CREATE CONSTRAINT password_user IF NOT EXISTS FOR (p:Password) REQUIRE p.userId IS UNIQUE;
// Sessions: looked up by the hash of the cookie; revoked per user; purged by expiry.
CREATE CONSTRAINT session_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.idHash IS UNIQUE;
CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.userId);
CREATE INDEX session_absolute_expiry IF NOT EXISTS FOR (s:Session) ON (s.absoluteExpiresAt);
CREATE INDEX session_last_seen IF NOT EXISTS FOR (s:Session) ON (s.lastSeenAt);
// One-time sign-in links.
CREATE CONSTRAINT sign_in_link_hash IF NOT EXISTS FOR (l:SignInLink) REQUIRE l.hash IS UNIQUE;
CREATE INDEX sign_in_link_user IF NOT EXISTS FOR (l:SignInLink) ON (l.userId);
// Personal API tokens: by hash (each request), by id (revoke), by user (list).
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
CREATE INDEX api_token_user IF NOT EXISTS FOR (t:ApiToken) ON (t.userId);
// Wall links: by hash (each request of the wall), by id (revoke), by project (list).
CREATE CONSTRAINT wall_link_id IF NOT EXISTS FOR (w:WallLink) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT wall_link_hash IF NOT EXISTS FOR (w:WallLink) REQUIRE w.hash IS UNIQUE;
CREATE INDEX wall_link_project IF NOT EXISTS FOR (w:WallLink) ON (w.projectId);
// Role grants: by id (revoke), by user (principal), by project and territory (who pilots, who reviews).
CREATE CONSTRAINT role_grant_id IF NOT EXISTS FOR (g:RoleGrant) REQUIRE g.id IS UNIQUE;
CREATE INDEX role_grant_user IF NOT EXISTS FOR (g:RoleGrant) ON (g.userId);
CREATE INDEX role_grant_project IF NOT EXISTS FOR (g:RoleGrant) ON (g.projectId);
CREATE INDEX role_grant_territory IF NOT EXISTS FOR (g:RoleGrant) ON (g.territoryId);
// E-mail domains allowed to get an account at their first OpenID Connect sign-in.
CREATE CONSTRAINT allowed_domain IF NOT EXISTS FOR (d:AllowedDomain) REQUIRE d.domain IS UNIQUE;
