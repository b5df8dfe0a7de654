import { useI18n } from '../../../i18n/index.tsx';
import { ENGAGEMENT_TEXT, shortDate } from '../../../i18n/engagement.ts';
import type { LevelStep } from './useEngagementData.ts';

/** The engagement scale, weakest first (DOMAIN.md). */
const SCALE = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'];

/**
 * The level's history as a small dated strip: « Concerné non impliqué 1 sept. 2024 → Informé
 * 15 janv. 2025 → … », each step as tall as its rank so rises and falls read at a glance.
 */
export function LevelStrip({ steps }: { steps: readonly LevelStep[] }) {
  const { lang, enumLabel } = useI18n();
  const text = ENGAGEMENT_TEXT[lang];
  if (steps.length === 0) return null;
  return (
    <figure className="level-strip">
      <figcaption>{text.levelHistory}</figcaption>
      <ol>
        {steps.map((step, i) => {
          const rank = Math.max(0, SCALE.indexOf(step.level));
          return (
            <li key={`${step.validFrom}-${step.level}`} className={`level-step rank-${rank}`} data-level={step.level}>
              {i > 0 && (
                <span className="level-arrow" aria-hidden="true">
                  →
                </span>
              )}
              <span className="level-bar" style={{ height: `${6 + rank * 5}px` }} aria-hidden="true" />
              <span className="level-name">{enumLabel(step.level)}</span>
              <time dateTime={step.validFrom.slice(0, 10)}>{shortDate(step.validFrom, lang)}</time>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
