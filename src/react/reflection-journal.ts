import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ReflectionJournal as ReflectionJournalElement } from '../elements/reflection-journal/define.js';
import type { JournalEntrySavedEvent, JournalLockEvent } from '../elements/reflection-journal/events.js';
import type { CompassionErrorEvent } from '../sdk/events.js';
import type { SupportOfferedEvent } from '../sdk/support-offered.js';

/** `<reflection-journal>` as a React component: private reflections and CFT exercises. */
export const ReflectionJournal = createComponent({
  react: React,
  tagName: 'reflection-journal',
  elementClass: ReflectionJournalElement,
  displayName: 'ReflectionJournal',
  events: {
    onCkEntrySaved: 'ck-entry-saved' as EventName<JournalEntrySavedEvent>,
    onCkJournalLock: 'ck-journal-lock' as EventName<JournalLockEvent>,
    onCkError: 'ck-error' as EventName<CompassionErrorEvent>,
    onCkSupportOffered: 'ck-support-offered' as EventName<SupportOfferedEvent>,
  },
});
