/** @jsxImportSource preact */
// A Preact + TypeScript page using every element with typed attributes, properties and events.
// It must compile; each @ts-expect-error must stay an error (a wrong type is caught).
import type {} from 'compassion-kit/types/preact';
import 'compassion-kit/define';
import { useRef } from 'preact/hooks';
import type { MeditationPlayer, PlayerStrings } from 'compassion-kit';

const playerWords: Partial<PlayerStrings> = {};

export function PracticePage({ onMinutes }: { onMinutes: (minutes: number) => void }) {
  const player = useRef<MeditationPlayer>(null);
  return (
    <compassion-program
      src="/programs/self-compassion.json"
      storage="indexeddb"
      theme="dark"
      onck-program-ready={(event) => console.log(event.detail.programId, event.detail.storage)}
      onck-storage-status={(event) => console.log(event.detail.mode)}
      onck-error={(event) => console.error(event.detail.code)}
    >
      <compassion-course routing="hash" onck-step-complete={(event) => console.log(event.detail.completedSteps)} />
      <meditation-player
        ref={player}
        meditation-id="safe-place"
        mode="breathing"
        class="practice"
        strings={playerWords}
        onck-practice-logged={(event) => onMinutes(event.detail.minutes)}
      />
      <reflection-journal onck-journal-lock={(event) => console.log(event.detail.state, event.detail.action)} />
      <practice-log />
    </compassion-program>
  );
}

// @ts-expect-error minutes is a number
export const wrongMinutes = <meditation-player minutes="ten" />;
// @ts-expect-error ck-entry-saved's detail never carries the participant's text
export const wrongDetail = <reflection-journal onck-entry-saved={(event) => event.detail.text} />;
