import type { liveFr } from './live.fr.ts';

type Shape<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

// English texts of live updates and of driving the walls, spread into en.ts.
export const liveEn: Shape<typeof liveFr> = {
  liveBarLabel: 'Driving the walls',
  liveDrive: 'Drive the walls',
  liveDriveHint: 'The project’s walls (projection page and wall links) follow the milestone, date and focus chosen here.',
  liveDriving: 'Walls follow',
  liveStop: 'Stop',
  livePrevious: '◀ Previous milestone',
  liveNext: 'Next milestone ▶',
  liveNoMilestone: 'Today',
  liveStep: (name, date) => `${name} · ${date}`,
  liveDate: 'Projected date',
  liveFocus: (name) => `Focus on “${name}”`,
  liveFocusNone: 'Select an actor to focus on it',
  liveClearFocus: 'Clear the focus',
  liveFocused: (name) => `In focus: ${name}`,
  liveConnected: 'Live',
  liveReconnecting: 'Reconnecting…',
  liveFailed: (message) => `The walls did not follow: ${message}`,
};
