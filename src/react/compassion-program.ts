import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CompassionProgramElement } from '../elements/compassion-program/define.js';
import type { CompassionErrorEvent, ProgramReadyEvent, StorageStatusEvent } from '../sdk/events.js';

/**
 * `<compassion-program>` as a React component: the provider that loads one program and opens one
 * store for the elements inside it. Events from the elements inside bubble to it too.
 */
export const CompassionProgram = createComponent({
  react: React,
  tagName: 'compassion-program',
  elementClass: CompassionProgramElement,
  displayName: 'CompassionProgram',
  events: {
    onCkProgramReady: 'ck-program-ready' as EventName<ProgramReadyEvent>,
    onCkError: 'ck-error' as EventName<CompassionErrorEvent>,
    onCkStorageStatus: 'ck-storage-status' as EventName<StorageStatusEvent>,
  },
});
