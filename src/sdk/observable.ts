/** A value that is replaced, never mutated, and tells subscribers each time it is. */
export class Observable<S> {
  private listeners = new Set<(snapshot: S) => void>();
  constructor(private current: S) {}

  get snapshot(): S {
    return this.current;
  }

  /** Calls `listener` with every new snapshot; returns the function that stops it. */
  subscribe(listener: (snapshot: S) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected set(next: S): void {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const l of [...this.listeners]) l(next);
  }
}
