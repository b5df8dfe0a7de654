import type { MergeStepData } from '../api/merge.ts';
import type { Messages } from '../i18n/fr.ts';

/** The merge preview's lines in words (pure). */

/** An engagement ended and recreated reads as one line: « repris par ». */
export function visibleSteps(steps: readonly MergeStepData[]): MergeStepData[] {
  const recreated = new Set(steps.filter((s) => s.action === 'RECREATED').map((s) => s.entityId));
  return steps.filter((s) => !(s.action === 'ENDED' && recreated.has(s.entityId)));
}

export interface Words {
  entity(type: string): string;
  enumLabel(value: string): string;
  projectName(id: string | null): string;
}

/** One line of the preview, in words. Pure. */
export function stepText(step: MergeStepData, keptName: string, t: Messages, words: Words): string {
  const title = step.title ?? t.confidentialObjective;
  const value = step.value ?? '';
  let what: string;
  switch (step.entityType) {
    case 'Position':
      what = t.mergeStepPosition(title, Number(value) > 0 ? `+${value}` : value);
      break;
    case 'Engagement':
      what = t.mergeStepEngagement(words.projectName(step.projectId), words.enumLabel(value));
      break;
    case 'Influence':
    case 'Cooperation':
      what = t.mergeStepRelation(words.entity(step.entityType), title);
      break;
    default:
      what = t.mergeStepOther(words.entity(step.entityType), title);
  }
  if (step.action === 'MOVED') return t.mergeStepMoved(what, keptName);
  if (step.action === 'RECREATED') return t.mergeStepRecreated(what, keptName);
  return step.entityType === 'Engagement' ? t.mergeStepEngagementKept(what, keptName) : t.mergeStepEnded(what);
}
