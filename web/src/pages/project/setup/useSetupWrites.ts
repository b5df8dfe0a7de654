import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EntityType } from '@trame/graph/model';
import { correctEntity, createEntity, updateEntity, type EntityData } from '../../../api/entities.ts';

type SetupCommand =
  | { op: 'create'; type: EntityType; input: Record<string, unknown>; validFrom: string | null }
  | { op: 'update'; type: EntityType; id: string; version: number; patch: Record<string, unknown>; validFrom: string | null }
  | { op: 'correct'; type: EntityType; id: string; version: number; patch: Record<string, unknown>; validFrom: string };

/**
 * Creating and editing territories and projects from the home page. A territory or a project
 * shows in every read (the home page, the review, the maps' headers): the whole cache is read again.
 */
export function useSetupWrites() {
  const client = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: (command: SetupCommand): Promise<EntityData> => {
      switch (command.op) {
        case 'create':
          return createEntity(command.type, command.input, command.validFrom);
        case 'update':
          return updateEntity(command.type, command.id, command.version, command.patch, command.validFrom);
        case 'correct':
          return correctEntity(command.type, command.id, command.version, command.patch, command.validFrom);
      }
    },
    // Awaited: the form closes on a list that already shows what it saved.
    onSuccess: () => client.invalidateQueries(),
  });
  return { run: mutateAsync };
}
