import type { StaticValue } from 'lit/static-html.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { Formats } from './platform.js';

/** What every view reads from the journal; each view adds the few callbacks it needs. */
export interface ViewPort {
  readonly sdk: CompassionProgram;
  readonly snapshot: JournalSnapshot;
  readonly formats: Formats;
  /** One entry inside a host widget: no landmarks of its own, headings two levels deeper. */
  readonly inHost: boolean;
  /** The tag for a heading of `level` in the journal's outline. */
  headingTag(level: 3 | 4): StaticValue;
}

/**
 * A port whose `values` are read live from the journal on each access, beside fixed callbacks:
 * long-lived parts (navigator, panels) hold it and always see the current program and snapshot.
 */
export function livePort<V extends object, F extends object>(values: () => V, fixed: F): V & F {
  return new Proxy(fixed, { get: (target, key) => (key in target ? Reflect.get(target, key) : Reflect.get(values(), key)) }) as V & F;
}
