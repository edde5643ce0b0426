import { createContext } from '@lit/context';

/**
 * What `<compassion-program>` tells the elements inside it about the "Need support now?" control:
 * `true` while it shows one control for all of them (it holds two or more elements that would each
 * show one), so an element shows none of its own; `false` (or no provider) when each element
 * shows its own. A primitive, so a change is a new value (never mutated).
 */
export type SupportShared = boolean;

export const supportContext = createContext<SupportShared>(Symbol.for('compassion-kit.support-shared.v1'));
