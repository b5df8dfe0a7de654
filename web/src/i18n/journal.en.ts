import type { journalFr } from './journal.fr.ts';

type Forms = { one: string; other: string };

// English texts of the project's journal and of « le chemin parcouru », spread into en.ts.
export const journalEn: typeof journalFr = {
  journal: 'Journal',
  journalTitle: 'Change journal',
  journalIntro:
    'Every change of the project, newest first: who made it, what, the date it takes effect and when it was recorded.',
  journalClose: 'Close the journal',
  journalFilterType: 'Type',
  journalFilterEntity: 'Item',
  journalFilterAuthor: 'Author',
  journalAllTypes: 'All types',
  journalAllEntities: 'All items',
  journalAllAuthors: 'All authors',
  journalLoading: 'Reading the journal…',
  journalEmpty: 'No change matches these filters.',
  journalMore: 'Older changes',
  journalWhat: (op, type, title) => {
    const verb = ({ CREATE: 'Created', UPDATE: 'Changed', END: 'Ended', REOPEN: 'Reopened' } as Record<string, string>)[op] ?? op;
    return title ? `${verb} · ${type} “${title}”` : `${verb} · ${type}`;
  },
  journalEffective: (date) => `effective ${date}`,
  journalRecorded: (date) => `recorded ${date}`,
  journalBy: (who) => `by ${who}`,
  journalCaused: 'caused by another change (cascading end)',
  journalRevertOf: 'undoes an earlier change',
  journalUndo: 'Undo this change',
  journalUndoConfirm: (what) => `Undo “${what}”? A new change is recorded: the history keeps both.`,
  journalUndoYes: 'Yes, undo',
  journalUndoNo: 'No, keep it',
  journalUndoing: 'Undoing…',
  journalUndone: (what) => `Change undone: ${what}`,
  journalUndoCause: 'This change was caused by another one: that one is undone, with what it caused.',
  journalUndoRefused: (code, title, date) =>
    (
      ({
        REVERT_NOT_APPLICABLE: `This change can no longer be undone: “${title}” has changed since. Undo the changes of “${title}” after ${date} first.`,
        DANGLING_REFERENCE: `“${title}” cannot come back: an item it belongs to has ended since. Undo that item’s end first.`,
        CHANGE_NOT_FOUND: 'This change no longer exists or is not visible to you.',
        FORBIDDEN: 'You cannot undo this change: your role does not allow editing this item.',
        UNAUTHENTICATED: 'Your session has expired: sign in again to undo this change.',
        VERSION_CONFLICT: `“${title}” has just been changed by someone else: read the journal again and retry.`,
        DATE_BEFORE_LAST_CHANGE: `This change can no longer be undone on ${date}: “${title}” has changed since.`,
        NETWORK: 'The server does not answer: check the connection and retry.',
      }) as Record<string, string>
    )[code] ?? 'This change could not be undone. Nothing was changed.',
  historyVersion: (version) => `version ${version}`,
  historyOlder: 'Older versions: see the project’s Journal.',
  pathTitle: 'The road travelled',
  pathBetween: (fromDate, fromName, toDate, toName) => `From ${fromDate} (${fromName}) to ${toDate} (${toName})`,
  pathNothing: 'Nothing changed between these two moments.',
  pathTotals: (added, changed, ended, plural) =>
    `In all: ${plural(added, { one: '{n} addition', other: '{n} additions' })}, ${plural(changed, { one: '{n} change', other: '{n} changes' })}, ${plural(ended, { one: '{n} end', other: '{n} ends' })}.`,
  pathSection: (key) =>
    (
      ({
        joined: 'Joined the project',
        left: 'Left the project',
        engagementRose: 'Engagement up',
        engagementFell: 'Engagement down',
        positionsMoved: 'Positions that moved',
        conflictsIdentified: 'Conflicts identified',
        conflictsWorked: 'Conflicts being worked on',
        conflictsArbitrated: 'Conflicts arbitrated',
        conflictsOvercome: 'Conflicts overcome',
        conflictsPersistent: 'Persistent conflicts',
        externalitiesInternalised: 'Externalities internalised',
        leaps: 'Systemic leaps',
        cooperationsNew: 'New cooperations',
        other: 'Other changes',
      }) as Record<string, string>
    )[key] ?? key,
  pathCount: (key, n, plural) =>
    plural(
      n,
      (
        {
          joined: { one: '{n} actor joined', other: '{n} actors joined' },
          left: { one: '{n} actor left', other: '{n} actors left' },
          engagementRose: { one: '{n} engagement up', other: '{n} engagements up' },
          engagementFell: { one: '{n} engagement down', other: '{n} engagements down' },
          positionsMoved: { one: '{n} position moved', other: '{n} positions moved' },
          conflictsIdentified: { one: '{n} conflict identified', other: '{n} conflicts identified' },
          conflictsWorked: { one: '{n} conflict being worked on', other: '{n} conflicts being worked on' },
          conflictsArbitrated: { one: '{n} conflict arbitrated', other: '{n} conflicts arbitrated' },
          conflictsOvercome: { one: '{n} conflict overcome', other: '{n} conflicts overcome' },
          conflictsPersistent: { one: '{n} persistent conflict', other: '{n} persistent conflicts' },
          externalitiesInternalised: { one: '{n} externality internalised', other: '{n} externalities internalised' },
          leaps: { one: '{n} systemic leap', other: '{n} systemic leaps' },
          cooperationsNew: { one: '{n} new cooperation', other: '{n} new cooperations' },
          other: { one: '{n} other change', other: '{n} other changes' },
        } as Record<string, Forms>
      )[key] ?? { one: '{n}', other: '{n}' },
    ),
  pathNoLevel: 'absent',
  pathAdded: 'added',
  pathChanged: 'changed',
  pathEnded: 'ended',
  pathFocus: (label) => `Show on the map: ${label}`,
  pathLegendTitle: 'Since the first milestone',
  pathLegendAdded: 'Added (green outline)',
  pathLegendChanged: 'Changed (orange dashed outline)',
  pathLegendEnded: 'Ended (faded, dotted)',
};
