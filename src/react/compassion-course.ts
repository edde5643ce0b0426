import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CompassionCourseElement } from '../elements/compassion-course/define.js';
import type { ProgramCompleteEvent, StepCompleteEvent, WeekCompleteEvent } from '../sdk/events.js';
import type { SupportOfferedEvent } from '../sdk/support-offered.js';

/** `<compassion-course>` as a React component: the 14-week course with progress. */
export const CompassionCourse = createComponent({
  react: React,
  tagName: 'compassion-course',
  elementClass: CompassionCourseElement,
  displayName: 'CompassionCourse',
  events: {
    onCkStepComplete: 'ck-step-complete' as EventName<StepCompleteEvent>,
    onCkWeekComplete: 'ck-week-complete' as EventName<WeekCompleteEvent>,
    onCkProgramComplete: 'ck-program-complete' as EventName<ProgramCompleteEvent>,
    onCkSupportOffered: 'ck-support-offered' as EventName<SupportOfferedEvent>,
  },
});
