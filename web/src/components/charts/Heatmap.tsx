import { useI18n } from '../../i18n/index.tsx';
import { maxOffDiagonal, strongestPair, type Label } from '../../analysis/analysis.ts';
import { BLUES, ORANGES, sequentialColour, textColourOn } from './scales.ts';
import { useNumberFormat } from '../useNumberFormat.ts';

export type Tone = 'convergence' | 'divergence';
const PALETTE: Record<Tone, readonly string[]> = { convergence: BLUES, divergence: ORANGES };

/**
 * An actors × actors matrix (kCAA or kDAA) as a grid of coloured cells, each with its value:
 * rows and columns labelled, sequential Blues for convergence and Oranges for divergence, the
 * strongest pair outlined, and a legend of the scale.
 */
export function Heatmap({
  id,
  title,
  actors,
  values,
  tone,
  digits,
}: {
  id: string;
  title: string;
  actors: Label[];
  values: number[][];
  tone: Tone;
  digits: number;
}) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const palette = PALETTE[tone];
  const max = maxOffDiagonal(values);
  const strongest = strongestPair(actors, values);
  const isStrongest = (a: Label, b: Label) =>
    strongest !== null &&
    ((strongest.a.id === a.id && strongest.b.id === b.id) || (strongest.a.id === b.id && strongest.b.id === a.id));

  return (
    <figure className={`heatmap heatmap-${tone}`} data-testid={id}>
      {actors.length === 0 ? (
        <p className="review-empty">{t.noActors}</p>
      ) : (
        <div className="heatmap-scroll">
          <table className="heatmap-grid" aria-label={title} data-max={max}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <td className="heatmap-corner" />
                {actors.map((a) => (
                  <th key={a.id} scope="col" className="heatmap-col" title={a.label}>
                    <span>{a.label}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {actors.map((row, i) => (
                <tr key={row.id}>
                  <th scope="row" className="heatmap-row" title={row.label}>
                    {row.label}
                  </th>
                  {actors.map((col, j) => {
                    if (i === j) {
                      return (
                        <td key={col.id} className="heatmap-cell diagonal" aria-label={`${row.label} : —`}>
                          ·
                        </td>
                      );
                    }
                    const value = values[i]?.[j] ?? 0;
                    const bg = sequentialColour(value, max, palette);
                    const strong = value > 0 && isStrongest(row, col);
                    return (
                      <td
                        key={col.id}
                        className={`heatmap-cell${value === 0 ? ' zero' : ''}${strong ? ' strongest' : ''}`}
                        style={value === 0 ? undefined : { background: bg, color: textColourOn(bg) }}
                        data-row={row.label}
                        data-col={col.label}
                        data-value={value}
                        title={`${row.label} ↔ ${col.label} : ${number(value, digits)}`}
                      >
                        {value === 0 ? '0' : number(value, digits)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <figcaption className="heatmap-legend">
        <span className="scale">
          <span>0</span>
          <span
            className="scale-bar"
            style={{ background: `linear-gradient(to right, ${palette.join(', ')})` }}
            aria-hidden="true"
          />
          <span>{number(max, digits)}</span>
        </span>
        <span className="strongest-pair" data-testid={`${id}-strongest`}>
          {strongest ? t.strongestPair(strongest.a.label, strongest.b.label, number(strongest.value, digits)) : t.heatmapNothing}
        </span>
      </figcaption>
    </figure>
  );
}
