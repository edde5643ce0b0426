/** What every part of a session shares, loaded with the first of them: its English words and its styles. */
export { EN_SESSION_STRINGS } from './en-session-strings.js';
export { sessionStyles } from './session.styles.js';
