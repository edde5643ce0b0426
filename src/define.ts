/**
 * Registers every compassion-kit element (the only module with side effects besides the
 * per-element define files). Safe to load more than once.
 */
// The provider first, so consumers upgraded after it find it at once.
import './elements/compassion-program/define.js';
import './elements/compassion-course/define.js';
import './elements/meditation-player/define.js';
import './elements/reflection-journal/define.js';
import './elements/practice-log/define.js';

export * from './index.js';
