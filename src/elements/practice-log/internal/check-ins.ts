import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChoiceField } from '../../../sdk/content/types.js';
import { EntrySavedEvent } from '../../../sdk/events.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import { CHECK_IN_TEMPLATE_ID, checkInEntryId } from '../../../sdk/store/check-in.js';
import type { PracticeSession } from '../../../sdk/store/records.js';

const PREFIX = checkInEntryId('');

/**
 * How the participant felt after each shown session, if they said: the player's after-practice
 * check-in is a journal entry named after the session (`checkInEntryId`). The journal's code loads
 * once there are sessions to look up; an entry sealed by the journal's lock stays unread.
 */
export class CheckInsController implements ReactiveController {
  private readonly felt = new Map<string, string>();
  private readonly asked = new Set<string>();
  private followed: CompassionProgram | undefined;
  private stop: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly program: () => CompassionProgram | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.followed = undefined;
  }

  /** What the participant chose after `session`, in their words, once known. */
  feeling(session: PracticeSession): string | undefined {
    return this.felt.get(session.id);
  }

  /** Looks up the check-ins of the sessions on screen that have not been looked up yet. */
  want(sessions: readonly PracticeSession[]): void {
    const program = this.program();
    if (!program) return;
    if (program !== this.followed) this.follow(program);
    const ids = sessions.map((s) => s.id).filter((id) => !this.asked.has(id));
    if (ids.length) void this.read(program, ids);
  }

  private follow(program: CompassionProgram): void {
    this.stop?.();
    this.followed = program;
    this.felt.clear();
    this.asked.clear();
    // A check-in saved after its session was listed (the usual order): read it then.
    const saved = (e: Event) => {
      const id = (e as EntrySavedEvent).detail.entryId;
      if (id.startsWith(PREFIX)) void this.read(program, [id.slice(PREFIX.length)]);
    };
    program.addEventListener(EntrySavedEvent.eventName, saved);
    this.stop = () => program.removeEventListener(EntrySavedEvent.eventName, saved);
  }

  private async read(program: CompassionProgram, sessionIds: readonly string[]): Promise<void> {
    for (const id of sessionIds) this.asked.add(id);
    const choice = program.content.template(CHECK_IN_TEMPLATE_ID)?.fields.find((f): f is ChoiceField => f.type === 'choice' || f.type === 'emotions');
    if (!choice) return;
    try {
      const journal = await program.loadJournal();
      let changed = false;
      for (const id of sessionIds) {
        const entry = await journal.get(checkInEntryId(id));
        if (!entry || entry.deletedAt || !journal.canRead(entry)) continue;
        const value = entry.fields[choice.id];
        const words = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
        if (words && this.felt.get(id) !== words) {
          this.felt.set(id, words);
          changed = true;
        }
      }
      if (changed) this.host.requestUpdate();
    } catch (error) {
      // The list stands without feelings; the program reports why the journal could not be read.
      program.reportError(error, 'practice-log');
    }
  }
}
