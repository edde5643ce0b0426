// The provider first, so a course inside <compassion-program> finds it as soon as it connects.
import '../compassion-program/define.js';
import { CompassionCourseElement } from './compassion-course.js';

export const COMPASSION_COURSE_TAG = 'compassion-course';

// Loading the library twice (two script tags, or CDN plus npm) must not throw (S5).
if (!customElements.get(COMPASSION_COURSE_TAG)) customElements.define(COMPASSION_COURSE_TAG, CompassionCourseElement);

declare global {
  interface HTMLElementTagNameMap {
    'compassion-course': CompassionCourseElement;
  }
}

export { CompassionCourseElement };
