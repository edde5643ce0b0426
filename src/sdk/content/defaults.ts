import type { Support } from './types.js';

/**
 * Shown when a program gives no support section, so "Need support now?" always leads somewhere,
 * even offline. Deliberately generic: it names no country's numbers a participant might not have.
 */
export const DEFAULT_SUPPORT: Support = Object.freeze({
  title: 'Need support now?',
  intro:
    'If you are in danger, or you might act on thoughts of harming yourself, **contact your local emergency services now**. ' +
    'You do not have to go through this alone: reaching out is an act of self-compassion.',
  resources: Object.freeze([
    Object.freeze({
      label: 'Emergency services',
      description: 'Call your local emergency number, for example 911 (US and Canada), 999 (UK), 112 (EU and many other countries) or 000 (Australia).',
      region: 'Anywhere',
    }),
    Object.freeze({
      label: 'Your clinician or doctor',
      description: 'Tell the professional who looks after you how you are feeling. If you are in a group, your group facilitator can help you find support.',
    }),
    Object.freeze({
      label: 'Someone you trust',
      description: 'A friend, family member or neighbour can stay with you while you get help.',
    }),
  ]) as Support['resources'],
});
