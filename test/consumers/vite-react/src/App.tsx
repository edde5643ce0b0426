// A clinic's Vite + React + TypeScript app, as docs/embedding/react-nextjs.md and docs/install.md
// describe it: the raw tags with the JSX typings, the compassion-kit/react components, and the SDK
// from TypeScript. scripts/check-pack.mjs installs the packed tarball and runs tsc and vite build.
import type {} from 'compassion-kit/types/react';
import 'compassion-kit/define';
import { useEffect, useState } from 'react';
import { openProgram, type CompassionErrorEvent, type PracticeLoggedEvent, type PracticeStats } from 'compassion-kit/sdk';
import { CompassionCourse, CompassionProgram, MeditationPlayer, PracticeLog, ReflectionJournal } from 'compassion-kit/react';

const PROGRAM = '/programs/self-compassion/program.json';

/** The raw tags: attributes and properties typed from custom-elements.json, ck-* events typed. */
function TagsPage({ onMinutes }: { onMinutes: (minutes: number) => void }) {
  const logged = (event: PracticeLoggedEvent) => onMinutes(event.detail.minutes);
  const failed = (event: CompassionErrorEvent) => console.error(event.detail.code, event.detail.message);
  return (
    <compassion-program src={PROGRAM} theme="light" onck-program-ready={(event) => console.log(event.detail.warnings)} onck-error={failed}>
      <compassion-course routing="hash" onck-week-complete={(event) => console.log(`week ${event.detail.weekNumber} done`)} />
      <meditation-player meditation-id="cultivating-compassion" mode="guided" onck-practice-logged={logged} />
      <reflection-journal group-by="date" onck-entry-saved={(event) => console.log(event.detail.entryId, event.detail.empty)} />
      <practice-log />
    </compassion-program>
  );
}

/** The @lit/react components: the same elements, each ck-* event as a typed onCk… prop. */
function ComponentsPage({ onMinutes }: { onMinutes: (minutes: number) => void }) {
  return (
    <CompassionProgram src={PROGRAM} theme="dark" onCkStorageStatus={(event) => console.log(event.detail.mode, event.detail.persisted)}>
      <CompassionCourse routing="hash" onCkStepComplete={(event) => console.log(event.detail.completedSteps, event.detail.totalSteps)} />
      <MeditationPlayer meditationId="safe-place" mode="timer" minutes={5} onCkPracticeLogged={(event) => onMinutes(event.detail.minutes)} />
      <ReflectionJournal onCkJournalLock={(event) => console.log(event.detail.state, event.detail.action)} />
      <PracticeLog />
    </CompassionProgram>
  );
}

/** The SDK from TypeScript, no elements: the participant's practice totals. */
function usePracticeStats(): PracticeStats | undefined {
  const [stats, setStats] = useState<PracticeStats>();
  useEffect(() => {
    let closed = false;
    const opening = openProgram({ url: PROGRAM, storage: 'indexeddb' });
    opening.then((program) => !closed && setStats(program.practice.stats()), (error: unknown) => console.error(error));
    return () => {
      closed = true;
      void opening.then((program) => program.close(), () => undefined);
    };
  }, []);
  return stats;
}

export function App() {
  const [minutes, setMinutes] = useState(0);
  const [view, setView] = useState<'tags' | 'components'>('tags');
  const stats = usePracticeStats();
  return (
    <main>
      <p>
        Practised {minutes} minutes on this page{stats ? `, ${stats.minutesTotal} in all` : ''}.
      </p>
      <button type="button" onClick={() => setView(view === 'tags' ? 'components' : 'tags')}>
        Switch view
      </button>
      {view === 'tags' ? <TagsPage onMinutes={(m) => setMinutes((t) => t + m)} /> : <ComponentsPage onMinutes={(m) => setMinutes((t) => t + m)} />}
    </main>
  );
}
