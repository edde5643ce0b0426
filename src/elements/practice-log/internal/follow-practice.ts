import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { PracticeSession } from '../../../sdk/store/records.js';

/**
 * Follows the program's practice log (and its progress, which can set where week 1 begins, and its
 * storage status): re-renders the host on each new snapshot, and remembers the sessions that
 * arrived while the log was on screen, so the host can announce them.
 */
export class FollowPracticeController implements ReactiveController {
  /** Sessions logged since the log first showed its data, newest first. */
  arrived: readonly PracticeSession[] = [];
  private followed: CompassionProgram | undefined;
  private stop: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean },
    private readonly program: () => CompassionProgram | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page: follow again (disconnecting stopped it).
    if (this.host.hasUpdated) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const program = this.program();
    if (program !== this.followed) this.follow(program);
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.followed = undefined;
  }

  private follow(program: CompassionProgram | undefined): void {
    this.stop?.();
    this.stop = undefined;
    this.followed = program;
    this.arrived = [];
    if (!program) return;
    let known = new Set(program.practice.snapshot.sessions.map((s) => s.id));
    const stops = [
      program.practice.subscribe((snapshot) => {
        // A reload of the whole log (another tab, an import) is not news; one new session is.
        const added = snapshot.sessions.filter((s) => !known.has(s.id));
        if (added.length === 1 && known.size > 0 && snapshot.loaded) this.arrived = [added[0]!, ...this.arrived];
        known = new Set(snapshot.sessions.map((s) => s.id));
        this.host.requestUpdate();
      }),
      program.progress.subscribe(() => this.host.requestUpdate()),
      program.storage.subscribe(() => this.host.requestUpdate()),
    ];
    this.stop = () => stops.forEach((s) => s());
    if (!program.practice.snapshot.loaded) void program.practice.load().catch((error: unknown) => program.reportError(error, 'practice-log'));
  }
}
