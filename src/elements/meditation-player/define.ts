// The provider first, so a player inside <compassion-program> finds it when it upgrades.
import '../compassion-program/define.js';
import { MeditationPlayer } from './meditation-player.js';

export const MEDITATION_PLAYER_TAG = 'meditation-player';

// Loading the library twice (two script tags, or CDN plus npm) must not throw (S5).
if (!customElements.get(MEDITATION_PLAYER_TAG)) customElements.define(MEDITATION_PLAYER_TAG, MeditationPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'meditation-player': MeditationPlayer;
  }
}

export { MeditationPlayer };
