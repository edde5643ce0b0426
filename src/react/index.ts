/**
 * compassion-kit for React (`compassion-kit/react`): one component per element, made with
 * `@lit/react`. Props are set as element properties (objects and arrays included, in React 18 and
 * 19 alike) and each `ck-*` event is a typed `onCk…` prop (`ck-practice-logged` → `onCkPracticeLogged`).
 * Importing a component registers its element. Browser only: render them on the client (Next.js:
 * docs/embedding/react-nextjs.md).
 */
export { CompassionProgram } from './compassion-program.js';
export { CompassionCourse } from './compassion-course.js';
export { MeditationPlayer } from './meditation-player.js';
export { ReflectionJournal } from './reflection-journal.js';
export { PracticeLog } from './practice-log.js';
