// The provider first, so a player inside <compassion-program> finds it when it upgrades.
import '../compassion-program/define.js';
import { PLAYER_TAG } from '../../tags.js';
import { MeditationPlayer } from './meditation-player.js';

/** The player's tag, from src/tags.ts. */
export const MEDITATION_PLAYER_TAG = PLAYER_TAG;

// Loading the library twice (two script tags, or CDN plus npm) must not throw (S5).
if (!customElements.get(PLAYER_TAG)) customElements.define(PLAYER_TAG, MeditationPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'meditation-player': MeditationPlayer;
  }
}

export { MeditationPlayer };
