import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { programContext, type ProgramState } from '../context/program-context.js';
import type { StorageMode } from '../sdk/store/backend.js';
import { sharedProgram } from '../sdk/program.js';
import { PROGRAM_TAG } from '../tags.js';

type Host = ReactiveControllerHost & HTMLElement & { src?: string | null; storage?: StorageMode };

/**
 * Gives an element the program it works on: from the nearest `<compassion-program>`, or, when it
 * stands alone with a `src`, from the page's shared instance for that URL (one store per page).
 */
export class ProgramController implements ReactiveController {
  value: ProgramState = { status: 'loading' };
  private provided = false;
  private sharedFor: string | undefined;

  constructor(private readonly host: Host) {
    new ContextConsumer(host, {
      context: programContext,
      subscribe: true,
      callback: (state) => {
        this.provided = true;
        this.set(state);
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    // The consumer above asked for a provider synchronously; nobody answered if `provided` is false.
    if (!this.provided) this.useShared();
  }

  /** Call when the host's `src` changes. */
  srcChanged(): void {
    if (!this.provided) this.useShared();
  }

  /**
   * Tries again after a failure. Inside a provider, asks the provider to reload; standalone,
   * fetches the program again (a failed shared load is forgotten, so this really refetches).
   */
  retry(): void {
    if (this.provided) {
      (this.host.closest(PROGRAM_TAG) as { reload?: () => Promise<void> } | null)?.reload?.();
      return;
    }
    this.sharedFor = undefined;
    this.useShared();
  }

  /** The SDK object once ready, else undefined. */
  get program() {
    return this.value.status === 'ready' ? this.value.program : undefined;
  }

  private useShared(): void {
    const src = this.host.src;
    if (!src) {
      this.sharedFor = undefined;
      this.set({
        status: 'error',
        error: new Error(`<${this.host.localName}> has no program: place it inside <compassion-program src="…">, or give it a src attribute with the program's URL.`),
      });
      return;
    }
    if (this.sharedFor === src) return;
    this.sharedFor = src;
    this.set({ status: 'loading' });
    sharedProgram(src, this.host.storage).then(
      (program) => this.sharedFor === src && this.set({ status: 'ready', program }),
      (error: Error) => this.sharedFor === src && this.set({ status: 'error', error }),
    );
  }

  private set(state: ProgramState): void {
    this.value = state;
    this.host.requestUpdate();
  }
}
