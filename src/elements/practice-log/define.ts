// The provider first, so a log inside <compassion-program> finds it as soon as it connects.
import '../compassion-program/define.js';
import { PRACTICE_LOG_TAG } from '../../tags.js';
import { PracticeLog } from './practice-log.js';

export { PRACTICE_LOG_TAG };

// Loading the library twice (two script tags, or CDN plus npm) must not throw (S5).
if (!customElements.get(PRACTICE_LOG_TAG)) customElements.define(PRACTICE_LOG_TAG, PracticeLog);

declare global {
  interface HTMLElementTagNameMap {
    'practice-log': PracticeLog;
  }
}

export { PracticeLog };
