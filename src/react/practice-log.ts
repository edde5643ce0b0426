import * as React from 'react';
import { createComponent } from '@lit/react';
import { PracticeLog as PracticeLogElement } from '../elements/practice-log/define.js';

/** `<practice-log>` as a React component: the participant's practice history. It fires no events of its own. */
export const PracticeLog = createComponent({
  react: React,
  tagName: 'practice-log',
  elementClass: PracticeLogElement,
  displayName: 'PracticeLog',
});
