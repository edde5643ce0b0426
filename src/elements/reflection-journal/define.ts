import '../compassion-program/define.js';
import { ReflectionJournal } from './reflection-journal.js';

export const REFLECTION_JOURNAL_TAG = 'reflection-journal';

// Loading the library twice (two script tags, or CDN plus npm) must not throw (S5).
if (!customElements.get(REFLECTION_JOURNAL_TAG)) customElements.define(REFLECTION_JOURNAL_TAG, ReflectionJournal);

declare global {
  interface HTMLElementTagNameMap {
    'reflection-journal': ReflectionJournal;
  }
}

export { ReflectionJournal };
