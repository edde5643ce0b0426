/**
 * The page's one playback focus: a track, a timer or a pacer claims it and the previous holder
 * gives way. Kept apart from the engine so a timer or a pacer can claim it without the engine.
 */

/** Something that plays on the page and gives way when another starts: a track, a timer, a pacer. */
export interface PlaybackOwner {
  /** Another owner has started: stop making sound. */
  yieldPlayback(): void;
}

let owner: PlaybackOwner | undefined;

/** Makes `who` the one thing playing on this page; the previous owner is asked to pause. */
export function claimPlayback(who: PlaybackOwner): void {
  const previous = owner;
  owner = who;
  if (previous && previous !== who) previous.yieldPlayback();
}

/** Gives up the page's playback focus, if `who` holds it. */
export function releasePlayback(who: PlaybackOwner): void {
  if (owner === who) owner = undefined;
}

/** Whoever holds the page's playback focus now. */
export function currentPlaybackOwner(): PlaybackOwner | undefined {
  return owner;
}
