import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useProjectView } from '../api/useProjectView.ts';
import { useI18n } from '../i18n/index.tsx';
import { useProjectionFollow } from '../live/projection.ts';
import { patchedDefs } from '../live/applyToCanvas.ts';
import { useProjectLive } from '../live/useProjectLive.ts';
import { NO_FILTERS } from '../map/elements.ts';
import { mapElementOptions, useMapElements } from '../pages/project/useMapElements.ts';
import { exportStepImage, exportStoryPdf, type StoryPage } from './exportStory.ts';
import { focusIds, matchByName } from './focus.ts';
import { ProjectionCanvas, type ProjectionCanvasHandle } from './ProjectionCanvas.tsx';
import { captionPhrases, keyAction, NOW_KEY, type CaptionWords, type StoryStep } from './story.ts';
import type { WallThemeName } from './theme.ts';
import { storyMilestones, useProjectStory, WALL_NOW_VIEW } from './useStoryData.ts';
import { useWallStory } from './useWallStory.ts';
import { WallLegend } from './WallLegend.tsx';

/** Refusals that mean « this map is not for you (any more) ». */
const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'PROJECT_NOT_FOUND']);
const THEME_KEY = 'trame.wallTheme';

export interface ProjectionViewProps {
  projectId: string;
  /** A line under the project's name (the wall link's name). */
  subtitle?: string | null;
  /** A refusal (revoked link, no right to read): the page shows its own message. */
  onRefused?(code: string): void;
  /** Cytoscape's WebGL renderer (`?webgl=1`). */
  webgl?: boolean;
}

/**
 * The projection (issue 14): a project's map for a room's wall, full screen, nothing to edit.
 * The story's step (a milestone, a chosen date, now) and its name and date always on screen;
 * →/← and a clicker's PageDown/PageUp step through it, the map animating each step's changes
 * and a caption naming them; click or type a name to focus one actor's neighbourhood (or pick
 * an ecosystem or a perimeter), Escape for the whole map; a light and a dark theme; the legend
 * in its own column; exports of the step (PNG, SVG) and of the whole story (PDF). Used by
 * /projets/<id>/mur (signed in) and /mur#… (a wall link). State: useWallStory; data: the
 * useProjectView cache (useProjectStory).
 */
export function ProjectionView({ projectId, subtitle, onRefused, webgl = false }: ProjectionViewProps) {
  const i18n = useI18n();
  const { t, plural, formatDate, formatShortDate } = i18n;
  const [theme, setTheme] = useState<WallThemeName>(() => (localStorage.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light'));
  const [legendOpen, setLegendOpen] = useState(true);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const canvas = useRef<ProjectionCanvasHandle>(null);
  const nameBox = useRef<HTMLInputElement>(null);

  const base = useProjectView(projectId, null, true, WALL_NOW_VIEW);
  const milestones = useMemo(() => storyMilestones(base.data), [base.data]);
  const story = useWallStory(milestones);
  // Everyone's edits, live, patch the map of now in the useProjectView cache (ADR 0010); the
  // facilitator's session (the editor's « Piloter les murs ») moves the step and the focus.
  // Subscribed once the first map is drawn: opening the wall draws it sooner (on a large map the
  // subscriptions' first reads competed with the first layout); `since` catches up what changed meanwhile.
  const [drawn, setDrawn] = useState(false);
  // After the frame that shows the map: the re-render and the subscriptions' start wait for it.
  const afterFirstFrame = useCallback(() => requestAnimationFrame(() => setTimeout(() => setDrawn(true), 0)), []);
  const live = useProjectLive(projectId, true, {
    enabled: base.data !== undefined && drawn,
    // On the map of now, an edit is drawn at once, without a render of the page (ADR 0010).
    applyDirect: (event, next) =>
      story.step.asOf === null &&
      (canvas.current?.applyLive(
        story.step.key,
        patchedDefs(next, event, mapElementOptions(i18n, 'perimeter', NO_FILTERS, null, false)),
        event.removedIds,
      ) ??
        false),
  });
  const followed = useRef<{ milestoneId: string | null; date: string | null }>({ milestoneId: null, date: null });
  const followStep = () => story.goTo(followed.current.date ?? followed.current.milestoneId ?? NOW_KEY);
  useProjectionFollow(
    projectId,
    {
      onStep: (milestoneId) => {
        followed.current.milestoneId = milestoneId;
        followStep();
      },
      onDate: (date) => {
        followed.current.date = date;
        followStep();
      },
      onFocus: (id) => story.setFocus(id),
    },
    drawn,
  );
  // The previous step's map (for the caption) is read once the first map is drawn: its answer,
  // parsed in the middle of the first layout's aftermath, delayed the first frame.
  const data = useProjectStory(projectId, story.steps, story.stepIndex, true, drawn);
  const elements = useMapElements(data.map, 'perimeter', NO_FILTERS, null, false);
  // The canvas moves to a step once its map is here; meanwhile it keeps the step it shows.
  const canvasKey = useRef(story.step.key);
  if (data.ready) canvasKey.current = story.step.key;
  const exportMenu = useRef<HTMLDetailsElement>(null);
  const focus = useMemo(() => (story.focus && data.map ? focusIds(data.map, story.focus) : null), [story.focus, data.map]);

  const words = useMemo<CaptionWords>(
    () => ({
      leap: t.wallCaptionLeap,
      actorsJoined: (n) => plural(n, { one: t.wallActorsJoinedOne, other: t.wallActorsJoinedOther }),
      actorsLeft: (n) => plural(n, { one: t.wallActorsLeftOne, other: t.wallActorsLeftOther }),
      engagementGained: (n) => plural(n, { one: t.wallEngagementGainedOne, other: t.wallEngagementGainedOther }),
      engagementLost: (n) => plural(n, { one: t.wallEngagementLostOne, other: t.wallEngagementLostOther }),
      conflictsNew: (n) => plural(n, { one: t.wallConflictsNewOne, other: t.wallConflictsNewOther }),
      conflictsArbitrated: (n) => plural(n, { one: t.wallConflictsArbitratedOne, other: t.wallConflictsArbitratedOther }),
      cooperationsNew: (n) => plural(n, { one: t.wallCooperationsNewOne, other: t.wallCooperationsNewOther }),
      nothing: t.wallCaptionNothing,
    }),
    [t, plural],
  );
  const actorCount = data.map?.nodes.filter((n) => n.kind === 'ACTOR').length ?? 0;
  const caption = !data.ready
    ? ''
    : data.first
      ? `${t.wallCaptionStart} · ${plural(actorCount, { one: t.wallActorsCountOne, other: t.wallActorsCountOther })}`
      : data.counts && data.delta
        ? captionPhrases(data.counts, data.delta.leaps, words).join(' · ')
        : '';
  const stepName = (step: StoryStep) =>
    step.kind === 'milestone' ? step.milestone.name : step.kind === 'date' ? t.wallChosenDate : t.wallNow;
  const stepDate = (step: StoryStep) => formatDate(step.date ?? new Date());

  // What the PDF export waits for: the step on the canvas, its caption known.
  const latest = useRef({ key: '', caption: '', ready: false });
  latest.current = { key: story.step.key, caption, ready: data.ready && (data.first || data.counts !== null) };

  useEffect(() => {
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);

  const refused =
    base.error && REFUSED.has(base.error.code)
      ? base.error.code
      : live.refused !== null && REFUSED.has(live.refused)
        ? live.refused
        : null;
  useEffect(() => {
    if (refused) onRefused?.(refused);
  }, [refused, onRefused]);

  // Keys: the story and the focus. Typing a letter anywhere starts a name search.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const action = keyAction(event.key);
      if (action === 'clear') {
        story.setFocus(null);
        setQuery('');
        if (typing) target!.blur();
        return;
      }
      if (typing) return;
      if (action) {
        event.preventDefault();
        if (action === 'next') story.next();
        else if (action === 'previous') story.previous();
        else if (action === 'first') story.goTo(0);
        else story.goTo(Number.MAX_SAFE_INTEGER);
        return;
      }
      if (event.key.length === 1 && /\p{L}/u.test(event.key)) nameBox.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [story.next, story.previous, story.goTo, story.setFocus]);

  if (refused && onRefused) return null;
  if (refused) return <WallNotice title={t.wallNotReadable} />;
  if (base.error && !base.data) return <WallNotice title={t.loadError} text={base.error.message} retry={base.refetch} />;
  if (!base.data || !data.map)
    return (
      <p className="loading" aria-busy="true">
        {t.wallLoading}
      </p>
    );

  const map = data.map;
  const project = base.data.project;
  const focusName = story.focus
    ? (map.nodes.find((n) => n.id === story.focus)?.label ?? map.ecosystems.find((e) => e.id === story.focus)?.name ?? null)
    : null;
  const perimeters = map.nodes.filter((n) => n.kind === 'PERIMETER');

  const focusByName = (value: string) => {
    const exact = map.nodes.find((n) => n.label === value);
    const id = exact?.id ?? matchByName(map, value);
    if (id) {
      story.setFocus(id);
      setStatus(null);
    } else setStatus(t.wallFocusNoMatch);
  };

  const meta = () => ({
    title: String(project.name),
    step: stepName(story.step),
    date: stepDate(story.step),
    caption,
    theme,
  });
  const runExport = async (what: 'png' | 'svg' | 'pdf') => {
    const cy = canvas.current?.cy();
    if (!cy || exporting) return;
    if (exportMenu.current) exportMenu.current.open = false;
    setExporting(true);
    try {
      if (what !== 'pdf') await exportStepImage(cy, what, meta(), i18n);
      else {
        const start = story.stepIndex;
        const pages: StoryPage[] = [];
        for (let i = 0; i < story.steps.length; i += 1) {
          const step = story.steps[i]!;
          story.goTo(i);
          await waitFor(
            () => canvas.current?.settledKey() === step.key && latest.current.key === step.key && latest.current.ready,
          );
          pages.push({
            step: stepName(step),
            date: stepDate(step),
            caption: latest.current.caption,
            png: cy.png({ full: true, scale: 1.5, bg: bgOf(theme) }),
          });
        }
        story.goTo(start);
        await exportStoryPdf(pages, { title: String(project.name), theme }, i18n);
      }
    } catch {
      setStatus(t.wallExportFailed);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className={`wall wall-theme-${theme}`} data-theme={theme}>
      <header className="wall-top">
        <div className="wall-title">
          <h1>{project.name}</h1>
          <span className="wall-meta">
            {subtitle && <>{subtitle} · </>}
            {t.wallReadOnly}
          </span>
        </div>
        <div className="wall-step" aria-live="polite" data-testid="wall-step" data-step={story.step.key}>
          <strong className="wall-step-name">{stepName(story.step)}</strong>
          <span className="wall-step-date">{stepDate(story.step)}</span>
          <span className="wall-step-count">{t.wallStepOf(story.stepIndex + 1, story.steps.length)}</span>
        </div>
        <div className="wall-tools">
          <input
            ref={nameBox}
            type="search"
            className="wall-name"
            placeholder={t.wallFocusName}
            aria-label={t.wallFocusName}
            list="wall-names"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              if (map.nodes.some((n) => n.label === e.target.value)) focusByName(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') focusByName(query);
            }}
          />
          <datalist id="wall-names">
            {map.nodes
              .filter((n) => n.kind === 'ACTOR')
              .map((n) => (
                <option key={n.id} value={n.label} />
              ))}
          </datalist>
          <select
            aria-label={t.wallFocus}
            value={story.focus && !map.nodes.some((n) => n.id === story.focus && n.kind !== 'PERIMETER') ? story.focus : ''}
            onChange={(e) => story.setFocus(e.target.value || null)}
          >
            <option value="">{t.wallFocusAll}</option>
            {map.ecosystems.length > 0 && (
              <optgroup label={t.wallFocusEcosystems}>
                {map.ecosystems.map((eco) => (
                  <option key={eco.id} value={eco.id}>
                    {eco.name}
                  </option>
                ))}
              </optgroup>
            )}
            {perimeters.length > 0 && (
              <optgroup label={t.wallFocusPerimeters}>
                {perimeters.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')} aria-pressed={theme === 'dark'}>
            {theme === 'light' ? t.wallThemeDark : t.wallThemeLight}
          </button>
          <button type="button" onClick={() => setLegendOpen((open) => !open)} aria-expanded={legendOpen}>
            {legendOpen ? t.wallLegendHide : t.wallLegendShow}
          </button>
          <details className="wall-export" ref={exportMenu}>
            <summary>{exporting ? t.wallExporting : t.wallExport}</summary>
            <button type="button" disabled={exporting} onClick={() => void runExport('png')}>
              {t.wallExportPng}
            </button>
            <button type="button" disabled={exporting} onClick={() => void runExport('svg')}>
              {t.wallExportSvg}
            </button>
            <button type="button" disabled={exporting} onClick={() => void runExport('pdf')}>
              {t.wallExportPdf}
            </button>
          </details>
        </div>
      </header>
      <div className="wall-main">
        <div className="wall-map" aria-busy={data.loading}>
          <ProjectionCanvas
            ref={canvas}
            elements={elements}
            savedPositions={data.view?.projectLayout ?? base.data.projectLayout}
            layoutSeed={projectId}
            stepKey={canvasKey.current}
            delta={data.delta}
            theme={theme}
            focus={focus}
            focusId={story.focus}
            webgl={webgl}
            onTap={(id) => story.setFocus(id)}
            onSettled={afterFirstFrame}
            label={t.wallMapLabel(String(project.name), `${stepName(story.step)}, ${stepDate(story.step)}`)}
          />
          {focusName && (
            <p className="wall-focus" role="status">
              {t.wallFocusOn(focusName)}
            </p>
          )}
          {status && (
            <p className="wall-status" role="status">
              {status}
            </p>
          )}
        </div>
        {legendOpen && <WallLegend theme={theme} />}
      </div>
      <footer className="wall-caption">
        <button
          type="button"
          className="wall-nav"
          onClick={story.previous}
          disabled={story.stepIndex === 0}
          aria-label={t.wallPrevious}
        >
          ←
        </button>
        <p className="wall-caption-text" data-testid="wall-caption">
          {caption}
        </p>
        <button
          type="button"
          className="wall-nav"
          onClick={story.next}
          disabled={story.stepIndex === story.steps.length - 1}
          aria-label={t.wallNext}
        >
          →
        </button>
        <label className="wall-date">
          {/* The day in the UI language (the native field writes it in the browser's locale, or ISO):
              the field lies over it, transparent, and opens its calendar on a click. */}
          <span className="wall-date-shown" aria-hidden="true" data-testid="wall-date-shown">
            {story.step.date ? formatShortDate(story.step.date) : t.wallChooseDate}
          </span>
          <input
            type="date"
            aria-label={t.wallChooseDate}
            value={story.step.date ?? ''}
            min={String(project.validFrom ?? '').slice(0, 10)}
            onClick={(e) => openPicker(e.currentTarget)}
            onChange={(e) => e.target.value && story.goTo(e.target.value)}
          />
        </label>
        <span className="wall-keys">{t.wallKeys}</span>
      </footer>
    </div>
  );
}

/** Opens a date field's calendar (where the browser can: not every one has showPicker). */
function openPicker(input: HTMLInputElement): void {
  try {
    input.showPicker?.();
  } catch {
    // Not from a user's gesture, or not supported: the field still takes typed dates.
  }
}

const bgOf = (theme: WallThemeName) => (theme === 'dark' ? '#0f141a' : '#ffffff');

/** Resolves once `ready()` holds, checked every 100 ms; rejects after `timeoutMs`. */
function waitFor(ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ready()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('step not ready'));
      else setTimeout(check, 100);
    };
    check();
  });
}

/** A page of words in place of the map: a refusal, an error. */
function WallNotice({ title, text, retry }: { title: string; text?: string; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <main className="page wall-refused" role="alert">
      <h1>{title}</h1>
      {text && <p>{text}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          {t.retry}
        </button>
      )}
    </main>
  );
}
