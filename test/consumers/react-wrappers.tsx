// The React components of `compassion-kit/react` (@lit/react): every element, properties set as
// properties, each ck-* event as a typed onCk… prop. It must compile; each @ts-expect-error must
// stay an error.
import { useRef } from 'react';
import { CompassionCourse, CompassionProgram, MeditationPlayer, PracticeLog, ReflectionJournal } from 'compassion-kit/react';
import type { MeditationPlayer as MeditationPlayerElement, PlayerStrings } from 'compassion-kit';

const playerWords: Partial<PlayerStrings> = {};

export function CoursePage({ onDone }: { onDone: (weeks: number) => void }) {
  const player = useRef<MeditationPlayerElement>(null);
  return (
    <CompassionProgram
      src="/programs/self-compassion.json"
      storage="indexeddb"
      theme="light"
      onCkProgramReady={(event) => console.log(event.detail.programId, event.detail.warnings)}
      onCkStorageStatus={(event) => console.log(event.detail.mode)}
      onCkError={(event) => console.error(event.detail.code, event.detail.source)}
    >
      <CompassionCourse
        routing="hash"
        onCkStepComplete={(event) => console.log(event.detail.stepId, event.detail.completedSteps)}
        onCkWeekComplete={(event) => console.log(event.detail.weekNumber)}
        onCkProgramComplete={(event) => onDone(event.detail.weeks)}
      />
      <MeditationPlayer
        ref={player}
        meditationId="cultivating-compassion"
        mode="timer"
        minutes={10}
        strings={playerWords}
        className="practice"
        onCkPracticeLogged={(event) => console.log(event.detail.minutes, event.detail.mode)}
        onCkEntrySaved={(event) => console.log(event.detail.entryId)}
        onCkError={(event) => console.error(event.detail.message)}
      />
      <ReflectionJournal
        onCkEntrySaved={(event) => console.log(event.detail.empty, event.detail.revision)}
        onCkJournalLock={(event) => console.log(event.detail.state)}
        onCkError={(event) => console.error(event.detail.code)}
      />
      <PracticeLog style={{ maxWidth: '40rem' }} />
    </CompassionProgram>
  );
}

// @ts-expect-error minutes is a number
export const wrongMinutes = <MeditationPlayer minutes="ten" />;
// @ts-expect-error the player has no such mode
export const wrongMode = <MeditationPlayer mode="loud" />;
// @ts-expect-error ck-practice-logged's detail has no text: events never carry the participant's words
export const wrongDetail = <MeditationPlayer onCkPracticeLogged={(event) => event.detail.text} />;
// @ts-expect-error the practice log fires no ck-error of its own
export const noSuchEvent = <PracticeLog onCkError={() => {}} />;
