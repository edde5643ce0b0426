import { PROGRAM_TAG } from '../../tags.js';
import { CompassionProgramElement } from './compassion-program.js';

export const COMPASSION_PROGRAM_TAG = PROGRAM_TAG;

// Loading the library twice (two script tags, or CDN plus npm) must not throw (S5).
if (!customElements.get(COMPASSION_PROGRAM_TAG)) customElements.define(COMPASSION_PROGRAM_TAG, CompassionProgramElement);

declare global {
  interface HTMLElementTagNameMap {
    [PROGRAM_TAG]: CompassionProgramElement;
  }
}

export { CompassionProgramElement };
