// A React 19 + TypeScript page using every element with typed attributes, properties and events.
// It must compile; each @ts-expect-error must stay an error (a wrong type is caught).
import type {} from 'compassion-kit/types/react';
import 'compassion-kit/define';
import { useEffect, useRef } from 'react';
import { PracticeLoggedEvent, type MeditationPlayer, type PlayerStrings } from 'compassion-kit';

const playerWords: Partial<PlayerStrings> = {};

export function PracticePage({ onMinutes }: { onMinutes: (minutes: number) => void }) {
  const player = useRef<MeditationPlayer>(null);
  useEffect(() => {
    // React 18 way: a listener through the ref (also fine in 19).
    const element = player.current;
    const listener = (event: PracticeLoggedEvent) => onMinutes(event.detail.minutes);
    element?.addEventListener('ck-practice-logged', listener);
    return () => element?.removeEventListener('ck-practice-logged', listener);
  }, [onMinutes]);

  return (
    <compassion-program
      src="/programs/self-compassion.json"
      storage="indexeddb"
      keep-recordings="on"
      theme="light"
      onck-program-ready={(event) => console.log(event.detail.programId, event.detail.warnings)}
      onck-error={(event) => console.error(event.detail.code, event.detail.message)}
    >
      <compassion-course routing="hash" start-date="2025-01-06" onck-week-complete={(event) => console.log(event.detail.weekNumber)} />
      <meditation-player
        ref={player}
        meditation-id="cultivating-compassion"
        mode="timer"
        minutes={10}
        no-check-in
        className="practice"
        strings={playerWords}
        onck-practice-logged={(event) => onMinutes(event.detail.minutes)}
      />
      <reflection-journal group-by="date" page-size={20} onck-entry-saved={(event) => console.log(event.detail.entryId, event.detail.empty)} />
      <practice-log embedded={false} style={{ maxWidth: '40rem' }} />
    </compassion-program>
  );
}

// @ts-expect-error minutes is a number
export const wrongMinutes = <meditation-player minutes="ten" />;
// @ts-expect-error the player has no such mode
export const wrongMode = <meditation-player mode="loud" />;
// @ts-expect-error ck-practice-logged's detail has no text: events never carry the participant's words
export const wrongDetail = <meditation-player onck-practice-logged={(event) => event.detail.text} />;
// @ts-expect-error no such element
export const wrongTag = <meditation-playr />;
