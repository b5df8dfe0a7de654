import type { MactorData } from '../../api/analysisDocuments.ts';
import { Empty, Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** What MACTOR could not compute, or computed with a caveat, in words. */
export function Notes({ mactor }: { mactor: MactorData }) {
  const { t } = useI18n();
  const byId = new Map(mactor.actors.map((a) => [a.id, a.label]));
  const notes = mactor.notes.filter((n) => n.code !== mactor.powerStatus);
  const text = (code: string, who: string, message: string): string => {
    switch (code) {
      case 'NO_INFLUENCE_NOR_DEPENDENCE':
        // « Pouvoir non évalué »: left out of r*'s normalisation (ANALYSIS.md, clarified 2026-11-30).
        return t.powerNotAssessedNote(who);
      case 'ZERO_POWER':
        return t.noteZeroPower(who);
      case 'NO_POSITION':
        return t.noteNoPosition(who);
      case 'NO_ACTORS':
        return t.powerNoActors;
      case 'SINGLE_ACTOR':
        return t.powerSingleActor;
      case 'NO_INFLUENCE':
        return t.powerNoInfluence;
      case 'NO_NET_INFLUENCE':
        return t.powerNoNetInfluence;
      default:
        return who ? `${who} : ${message}` : message;
    }
  };
  return (
    <Section id="notes" title={t.notesTitle} hint={t.notesHint}>
      {notes.length === 0 ? (
        <Empty>{t.noNotes}</Empty>
      ) : (
        <ul className="mactor-notes">
          {notes.map((n) => (
            <li key={n.code} data-code={n.code}>
              {text(n.code, n.actors.map((id) => byId.get(id) ?? id).join(', '), n.message)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
