import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MeditationPlayer as MeditationPlayerElement } from '../elements/meditation-player/define.js';
import type { CompassionErrorEvent, EntrySavedEvent, PracticeLoggedEvent } from '../sdk/events.js';
import type { SupportOfferedEvent } from '../sdk/support-offered.js';

/** `<meditation-player>` as a React component: guided meditations, the timer and the breathing pacer. */
export const MeditationPlayer = createComponent({
  react: React,
  tagName: 'meditation-player',
  elementClass: MeditationPlayerElement,
  displayName: 'MeditationPlayer',
  events: {
    onCkPracticeLogged: 'ck-practice-logged' as EventName<PracticeLoggedEvent>,
    onCkEntrySaved: 'ck-entry-saved' as EventName<EntrySavedEvent>,
    onCkError: 'ck-error' as EventName<CompassionErrorEvent>,
    onCkSupportOffered: 'ck-support-offered' as EventName<SupportOfferedEvent>,
  },
});
