import type { PlayerStrings } from '../strings.js';

/** The "Keep on this device" control's English words: they download with the control. */
export const EN_KEEP_STRINGS = {
  keep: 'Keep on this device',
  keepHint: 'To practise without a connection.',
  keeping: (percent, size) => (percent === undefined ? `Keeping on this device… ${size}` : `Keeping on this device… ${percent}% of ${size}`),
  stopKeeping: 'Stop',
  keptOnDevice: (size) => `Kept on this device · ${size}`,
  removeKept: 'Remove',
  removeKeptName: 'Remove from this device',
  removedKept: (size) => `Removed from this device. ${size} freed.`,
  keepStopped: 'Stopped. Nothing was kept.',
  size: (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`),
} satisfies Partial<PlayerStrings>;
