import { Observable } from '../observable.js';
import type { Database } from './database.js';
import type { PlaybackPosition, PracticeSession } from './records.js';

export interface PracticeSnapshot {
  loaded: boolean;
  /** Newest first. */
  sessions: readonly PracticeSession[];
}

/** Gentle statistics: totals, never streaks. */
export interface PracticeStats {
  minutesThisWeek: number;
  sessionsThisWeek: number;
  minutesTotal: number;
  sessionsTotal: number;
}

export type PracticeInput = Omit<PracticeSession, 'id'> & { id?: string };


/** The participant's practice log. */
export class PracticeRepository extends Observable<PracticeSnapshot> {
  constructor(
    private readonly db: Database,
    private readonly onLogged: (session: PracticeSession) => void,
  ) {
    super({ loaded: false, sessions: [] });
  }

  async load(): Promise<PracticeSnapshot> {
    const rows = await this.db.read(['practice'], (tx) => tx.getAll('practice', 'startedAt'));
    const next = { loaded: true, sessions: rows.reverse() };
    this.set(next);
    return next;
  }

  /** Records a session of practice (seconds actually practised). */
  async log(input: PracticeInput): Promise<PracticeSession> {
    const session: PracticeSession = { ...input, id: input.id ?? crypto.randomUUID(), seconds: Math.max(0, Math.round(input.seconds)) };
    if (session.meditationId === undefined) delete session.meditationId;
    await this.db.write(['practice'], (tx) => tx.put('practice', session), 'logging your practice');
    this.set({ ...this.snapshot, sessions: [session, ...this.snapshot.sessions.filter((s) => s.id !== session.id)] });
    this.onLogged(session);
    return session;
  }

  /** Minutes and sessions this week (since the most recent Monday, local time) and in total. */
  stats(now = new Date()): PracticeStats {
    const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
    const week = this.snapshot.sessions.filter((s) => s.startedAt >= monday.getTime());
    const minutes = (list: readonly PracticeSession[]) => Math.round(list.reduce((sum, s) => sum + s.seconds, 0) / 60);
    return { minutesThisWeek: minutes(week), sessionsThisWeek: week.length, minutesTotal: minutes(this.snapshot.sessions), sessionsTotal: this.snapshot.sessions.length };
  }
}

/** Where each meditation was left, for "Resume from 3:20". */
export class PlaybackRepository {
  constructor(private readonly db: Database) {}

  get(meditationId: string): Promise<PlaybackPosition | undefined> {
    return this.db.read(['playback'], (tx) => tx.get('playback', meditationId));
  }

  async save(meditationId: string, position: number, duration: number): Promise<void> {
    await this.db.write(['playback'], (tx) => tx.put('playback', { meditationId, position, duration, updatedAt: Date.now() }), 'remembering your place in the recording');
  }

  async clear(meditationId: string): Promise<void> {
    await this.db.write(['playback'], (tx) => tx.delete('playback', meditationId), 'clearing your place in the recording');
  }
}

/** Small preferences kept with the program's data (e.g. the journal's lock settings). */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  async get<T = unknown>(key: string): Promise<T | undefined> {
    return (await this.db.read(['settings'], (tx) => tx.get('settings', key)))?.value as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.write(['settings'], (tx) => tx.put('settings', { key, value }), 'saving a setting');
  }
}
