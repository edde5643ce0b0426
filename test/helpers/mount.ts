import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/compassion-program/define.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import type { Program } from '../../src/sdk/content/types.js';
import type { CompassionProgram } from '../../src/sdk/program.js';
import type { StorageMode } from '../../src/sdk/store/backend.js';
import { databaseName } from '../../src/sdk/store/schema.js';
import { deleteDatabase } from '../fixtures/programs.js';
import { cleanup, fixture, settle, waitFor } from './fixture.js';

export interface MountedProgram<T extends Element = HTMLElement> {
  provider: CompassionProgramElement;
  sdk: CompassionProgram;
  /** The first element inside the provider (the one under test). */
  el: T;
}

const providers: CompassionProgramElement[] = [];
const databases = new Set<string>();

/**
 * The one mount helper: `<compassion-program .program>` around `inner` (a new SDK object per call,
 * as a new tab would have), resolved once the program is open. `unmountAll()` undoes every mount.
 */
export async function mountProgram<T extends Element = HTMLElement>(program: Program, inner: TemplateResult, options: { storage?: StorageMode; src?: string } = {}): Promise<MountedProgram<T>> {
  const storage = options.storage ?? 'indexeddb';
  if (storage !== 'memory') databases.add(databaseName(program.id));
  const provider = await fixture<CompassionProgramElement>(
    html`<compassion-program .program=${program} src=${ifDefined(options.src)} storage=${storage}>${inner}</compassion-program>`,
  );
  providers.push(provider);
  const sdk = await waitFor(() => provider.sdk, 'the program to open');
  const el = provider.firstElementChild as T;
  await settle(el);
  return { provider, sdk, el };
}

/** Removes every fixture, closes every SDK object the mounts opened (as closing the tab would) and deletes their databases. */
export async function unmountAll(): Promise<void> {
  cleanup();
  for (const p of providers.splice(0)) p.sdk?.close();
  for (const name of databases) await deleteDatabase(name);
  databases.clear();
  for (const key of Object.keys(localStorage)) if (key.startsWith('compassion-kit:draft:')) localStorage.removeItem(key);
}
