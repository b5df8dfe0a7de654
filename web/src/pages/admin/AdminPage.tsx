import { useState, type FormEvent } from 'react';
import { useAdminCommand, useUsers, useViewer } from '../../api/access.ts';
import type { GrantableRole, RoleGrant, UserAccount } from '../../api/accessDocuments.ts';
import { useTerritories } from '../../api/queries.ts';
import { useI18n } from '../../i18n/index.tsx';
import { accessErrorText } from '../../i18n/accessErrors.ts';
import { BackupsSection } from './BackupsSection.tsx';

type Territories = NonNullable<ReturnType<typeof useTerritories>['data']>['territories'];

/** /admin: users and their roles, new users, the domains whose single sign-on creates accounts. */
export function AdminPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const administer = viewer.data?.viewer.can.administer ?? false;
  const users = useUsers(administer);
  const territories = useTerritories();
  const command = useAdminCommand();

  if (viewer.data && !administer)
    return (
      <main className="page">
        <p role="alert" className="error">
          {t.adminForbidden}
        </p>
      </main>
    );
  const error = command.error ?? users.error;
  const places = territories.data?.territories ?? [];
  return (
    <main className="page admin-page">
      <h1>{t.adminTitle}</h1>
      {error && (
        <p className="error" role="alert">
          {accessErrorText(error, t)}
        </p>
      )}
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t.usersTitle}</h2>
        <NewUserForm
          busy={command.isPending}
          onCreate={(email, name) => command.mutateAsync({ op: 'createUser', email, name })}
        />
        {users.isPending && administer && <p aria-busy="true">{t.loading}</p>}
        {users.data && (
          <table className="credential-table admin-users">
            <thead>
              <tr>
                <th scope="col">{t.userName}</th>
                <th scope="col">{t.colEmail}</th>
                <th scope="col">{t.colRoles}</th>
                <th scope="col">{t.grantRole}</th>
              </tr>
            </thead>
            <tbody>
              {[...users.data.users]
                .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
                .map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    territories={places}
                    busy={command.isPending}
                    onRevoke={(id) => command.mutate({ op: 'revokeGrant', id })}
                    onGrant={(role, territoryId, projectId) =>
                      command.mutate({ op: 'grantRole', userId: user.id, role, territoryId, projectId })
                    }
                  />
                ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="domains-title">
        <h2 id="domains-title">{t.domainsTitle}</h2>
        <p className="hint">{t.domainsIntro}</p>
        {users.data && (
          <Domains
            domains={users.data.allowedDomains}
            busy={command.isPending}
            onAllow={(domain) => command.mutateAsync({ op: 'allowDomain', domain })}
            onDisallow={(domain) => command.mutate({ op: 'disallowDomain', domain })}
          />
        )}
      </section>
      <BackupsSection territories={places} />
    </main>
  );
}

function NewUserForm({ busy, onCreate }: { busy: boolean; onCreate(email: string, name: string): Promise<unknown> }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !name.trim()) return;
    onCreate(email.trim(), name.trim()).then(
      () => {
        setEmail('');
        setName('');
      },
      () => {},
    );
  };
  return (
    <form className="credential-form" onSubmit={submit}>
      <label>
        {t.colEmail}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        {t.userName}
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t.addUser}
      </button>
    </form>
  );
}

function UserRow({
  user,
  territories,
  busy,
  onRevoke,
  onGrant,
}: {
  user: UserAccount;
  territories: Territories;
  busy: boolean;
  onRevoke(id: string): void;
  onGrant(role: GrantableRole, territoryId: string | null, projectId: string | null): void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<GrantableRole | ''>('');
  const [target, setTarget] = useState('');
  const scope = (grant: RoleGrant) => {
    if (grant.projectId) {
      for (const territory of territories)
        for (const project of territory.projects) if (project.id === grant.projectId) return project.name;
      return grant.projectId;
    }
    if (grant.territoryId) return territories.find((x) => x.id === grant.territoryId)?.name ?? grant.territoryId;
    return null;
  };
  const needs = role === 'PILOTE' ? 'project' : role === 'RELECTEUR' ? 'territory' : null;
  return (
    <tr className={user.disabledAt ? 'inactive' : ''}>
      <td>
        {user.name}
        {user.disabledAt && <> ({t.disabled})</>}
      </td>
      <td>{user.email}</td>
      <td>
        {user.grants.length === 0 && <span className="hint">{t.noRole}</span>}
        <ul className="grant-list">
          {user.grants.map((grant) => {
            const where = scope(grant);
            const label = t.roleLabel(grant.role);
            return (
              <li key={grant.id}>
                {where ? t.roleScope(label, where) : label}{' '}
                <button
                  type="button"
                  className="danger small"
                  disabled={busy}
                  aria-label={`${t.revokeGrant} : ${label} ${where ?? ''} — ${user.name}`}
                  onClick={() => onRevoke(grant.id)}
                >
                  {t.revokeGrant}
                </button>
              </li>
            );
          })}
        </ul>
      </td>
      <td>
        <form
          className="grant-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!role || (needs && !target)) return;
            onGrant(role, needs === 'territory' ? target : null, needs === 'project' ? target : null);
            setRole('');
            setTarget('');
          }}
        >
          <select
            aria-label={`${t.role} — ${user.name}`}
            value={role}
            onChange={(e) => {
              setRole(e.target.value as GrantableRole | '');
              setTarget('');
            }}
          >
            <option value="">{t.choose}</option>
            {(['ADMINISTRATEUR', 'PILOTE', 'RELECTEUR'] as const).map((r) => (
              <option key={r} value={r}>
                {t.roleLabel(r)}
              </option>
            ))}
          </select>
          {needs === 'territory' && (
            <select aria-label={t.territory} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t.choose}</option>
              {territories.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
          {needs === 'project' && (
            <select aria-label={t.project} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t.choose}</option>
              {territories.map((x) => (
                <optgroup key={x.id} label={x.name}>
                  {x.projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
          <button type="submit" disabled={busy || !role || (needs !== null && !target)}>
            {t.grantRole}
          </button>
        </form>
      </td>
    </tr>
  );
}

function Domains({
  domains,
  busy,
  onAllow,
  onDisallow,
}: {
  domains: string[];
  busy: boolean;
  onAllow(domain: string): Promise<unknown>;
  onDisallow(domain: string): void;
}) {
  const { t } = useI18n();
  const [domain, setDomain] = useState('');
  return (
    <>
      {domains.length === 0 ? (
        <p className="hint">{t.noDomains}</p>
      ) : (
        <ul className="grant-list">
          {domains.map((d) => (
            <li key={d}>
              <code>{d}</code>{' '}
              <button type="button" className="danger small" disabled={busy} onClick={() => onDisallow(d)}>
                {t.disallowDomain}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="credential-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!domain.trim()) return;
          onAllow(domain.trim()).then(
            () => setDomain(''),
            () => {},
          );
        }}
      >
        <label>
          {t.domain}
          <input type="text" value={domain} placeholder="ville-exemple.fr" onChange={(e) => setDomain(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t.allowDomain}
        </button>
      </form>
    </>
  );
}
