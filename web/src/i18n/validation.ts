import type { FieldSpec } from '@trame/graph/model';
import { fieldLabel, type Lang } from './labels.ts';
import { sentence } from './sentence.ts';

/** What the model's validation says about one field: its stable code and its French message. */
export interface FieldProblem {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

const englishPlural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/**
 * The message for a field's problem in the UI's language: the model's own French sentence in
 * French (with a capital) (it names the field with its article and agrees with it), an English sentence built
 * from the stable code and the field's limits in English — never the French one in the English UI.
 */
export function validationMessage(name: string, spec: FieldSpec, problem: FieldProblem, lang: Lang): string {
  if (lang === 'fr') return sentence(problem.message);
  const field = fieldLabel(name, spec.label, 'en');
  switch (problem.code) {
    case 'REQUIRED_FIELD':
      return `${field} is required.`;
    case 'INVALID_TEXT':
      return `${field} contains a character that is not allowed.`;
    case 'TEXT_TOO_LONG':
      return spec.kind === 'text' ? `${field} is longer than ${spec.max} characters.` : `${field} is too long.`;
    case 'TOO_FEW_ITEMS': {
      const min = spec.kind === 'refList' || spec.kind === 'enumList' ? spec.minItems : 1;
      return `${field} needs at least ${englishPlural(min, 'item', 'items')}.`;
    }
    case 'DUPLICATE_MEMBER':
      return `${field} lists the same item twice.`;
    case 'INVALID_ID':
      return `${field} is not a valid choice.`;
    case 'INVALID_ENUM':
      return `${field} is not one of the values offered.`;
    case 'INVALID_DATE':
      return `${field} must be a valid date.`;
    default:
      if (spec.kind === 'int') return `${field} must be a whole number between ${spec.min} and ${spec.max}.`;
      return `${field} is not valid.`;
  }
}
