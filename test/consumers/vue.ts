// A Vue 3 + TypeScript app's view of the elements: GlobalComponents gives each tag typed props
// and `@ck-*` handlers (what vue-tsc / Volar check in templates). It must compile.
import type {} from 'compassion-kit/types/vue';
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const player: Props<'meditation-player'> = {
  meditationId: 'cultivating-compassion',
  minutes: 10,
  onCkPracticeLogged: (event) => console.log(event.detail.minutes),
};
export const program: Props<'compassion-program'> = {
  src: '/programs/self-compassion.json',
  onCkProgramReady: (event) => console.log(event.detail.programId),
};
export const course: Props<'compassion-course'> = { routing: 'hash', onCkStepComplete: (event) => console.log(event.detail.stepId) };
export const journal: Props<'reflection-journal'> = { groupBy: 'date', onCkEntrySaved: (event) => console.log(event.detail.empty) };
export const log: Props<'practice-log'> = { startDate: '2025-01-06' };

// @ts-expect-error minutes is a number
export const wrongMinutes: Props<'meditation-player'> = { minutes: 'ten' };
