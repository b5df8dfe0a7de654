import { InvalidArgumentError, type Command } from 'commander';
import {
  checkGrantScope,
  DomainError,
  listTerritories,
  readProjectResource,
  type Grant,
  type GrantableRole,
  type Graph,
} from '@trame/graph';

/** The words the operator types for a role (and the French names, accepted too). */
const ROLE_WORDS: Record<string, GrantableRole> = {
  admin: 'ADMINISTRATEUR',
  administrateur: 'ADMINISTRATEUR',
  pilote: 'PILOTE',
  relecteur: 'RELECTEUR',
};

/** Commander's parser for `--role`; an unknown word is a usage error (exit 2). */
export function parseRole(value: string): GrantableRole {
  const role = ROLE_WORDS[value.trim().toLowerCase()];
  if (!role) throw new InvalidArgumentError('rôle attendu : admin, pilote ou relecteur (l’atelier passe par un lien mural)');
  return role;
}

/** Declares `--role`, `--territory`, `--project` on a command. */
export function roleOptions(command: Command, required: boolean): Command {
  const role = '--role <rôle>';
  const text = 'admin (toute l’instance), pilote (avec --project) ou relecteur (avec --territory)';
  (required ? command.requiredOption(role, text, parseRole) : command.option(role, text, parseRole))
    .option('--territory <id>', 'le territoire d’un relecteur')
    .option('--project <id>', 'le projet d’un pilote');
  return command;
}

export interface RoleRequest {
  role: GrantableRole;
  territoryId: string | null;
  projectId: string | null;
  /** « administrateur », « pilote du projet « Vallée 2030 » (prj-…) »… */
  label: string;
}

/**
 * Checks a role and its scope before anything is written (so that `user add` does not leave
 * a user without the role asked for): the shape (INVALID_ROLE) and that the project or
 * territory exists (NOT_FOUND). Returns it with a French label for the messages.
 */
export async function checkRoleRequest(
  graph: Graph,
  options: { role: GrantableRole; territory?: string; project?: string },
): Promise<RoleRequest> {
  const request = { role: options.role, territoryId: options.territory ?? null, projectId: options.project ?? null };
  checkGrantScope(request);
  if (request.role === 'PILOTE') {
    const project = await graph.read((tx) => readProjectResource(tx, request.projectId!));
    return { ...request, label: `pilote du projet « ${project.label} » (${request.projectId})` };
  }
  if (request.role === 'RELECTEUR') {
    const territories = await graph.read((tx) => listTerritories(tx, new Date()));
    const territory = territories.find((t) => t.id === request.territoryId);
    if (!territory) {
      throw new DomainError('NOT_FOUND', `le territoire « ${request.territoryId} » n'existe pas`, {
        id: request.territoryId,
        entityType: 'Territory',
      });
    }
    return {
      ...request,
      label: `relecteur du territoire « ${String(territory.values.name ?? territory.id)} » (${territory.id})`,
    };
  }
  return { ...request, label: 'administrateur' };
}

/** A grant in one line: « pilote du projet prj-… [grt_…] ». */
export function grantLine(grant: Grant): string {
  const what =
    grant.role === 'ADMINISTRATEUR'
      ? 'administrateur'
      : grant.role === 'PILOTE'
        ? `pilote du projet ${grant.projectId}`
        : `relecteur du territoire ${grant.territoryId}`;
  return `${what} [${grant.id}]`;
}
