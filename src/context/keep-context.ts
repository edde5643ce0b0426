import { createContext } from '@lit/context';

/**
 * Whether `<compassion-program>` lets participants keep recordings on their device for offline
 * practice: `false` when the clinic set `keep-recordings="off"`. No provider: allowed.
 */
export type KeepRecordingsAllowed = boolean;

export const keepRecordingsContext = createContext<KeepRecordingsAllowed>(Symbol.for('compassion-kit.keep-recordings.v1'));
