import { createContext } from '@lit/context';
import type { CompassionProgram } from '../sdk/program.js';

/** What `<compassion-program>` provides: a new object each time the state changes (never mutated). */
export type ProgramState =
  | { status: 'loading' }
  | { status: 'ready'; program: CompassionProgram }
  | { status: 'error'; error: Error };

export const programContext = createContext<ProgramState>(Symbol.for('compassion-kit.program-state.v1'));
