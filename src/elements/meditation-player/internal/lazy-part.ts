import type { ReactiveControllerHost } from 'lit';

/**
 * A part of the player that is downloaded with import() the first time it is asked for (a mode,
 * the check-in). `get()` starts the download and returns the part once it has arrived; until
 * then the view shows a calm loading line, and on failure a line with a retry.
 */
export class LazyPart<T> {
  value: T | undefined;
  failed = false;
  private loading: Promise<T | undefined> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /** The part, or undefined while it downloads (the download starts now if it has not). */
  get(): T | undefined {
    if (!this.value && !this.failed) void this.ready();
    return this.value;
  }

  /** Resolves the part once it has arrived (undefined if it could not be downloaded). */
  ready(): Promise<T | undefined> {
    if (this.value) return Promise.resolve(this.value);
    this.failed = false;
    this.loading ??= this.load().then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
        return value;
      },
      () => {
        this.loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
        return undefined;
      },
    );
    return this.loading;
  }
}
