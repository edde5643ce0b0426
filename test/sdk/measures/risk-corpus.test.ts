import { expect } from 'chai';
import { riskWordsFor } from '../../../src/sdk/index.js';

// Issue 16, point 6: the built-in English check of words against a corpus written for it. These
// figures go in the closing note; a change to the list or the matching that moves them fails here.

/** Sentences a participant might write that should offer the support card. */
const SHOULD_MATCH = [
  'I want to die.',
  'Some days I just want to die.',
  'I wish I was dead.',
  'I wish I were dead.',
  'I keep wishing I were dead.',
  "I've been thinking about suicide.",
  'I feel suicidal tonight.',
  'Suicide seems like the only option.',
  'I want to kill myself.',
  'I keep thinking about killing myself.',
  'Nobody would care if I killed myself.',
  'I might end my life.',
  "I've thought about ending my life.",
  'I just want to end it all.',
  'I want to take my own life.',
  'Everyone would be better off without me.',
  "I'd be better off dead.",
  "There's no reason to live.",
  'I have nothing to live for.',
  "I don't want to be here anymore.",
  'I do not want to be here anymore.',
  "I don't want to wake up tomorrow.",
  'I hope I do not wake up tomorrow.',
  'I want to hurt myself.',
  "I've been hurting myself again.",
  'I want to harm myself.',
  "I've been self-harming.",
  'I cut myself last night.',
  "I've started cutting myself again.",
  "I can't go on like this.",
  'I CAN’T GO ON',
  'I cannot go on.',
  "There's no way out.",
  'I feel hopeless.',
  'Everything feels hopeless.',
  'I feel so hopeless about everything.',
  'Life is hopeless.',
  "I'm giving up on life.",
  'I thought about taking an overdose.',
  'Maybe I should take an overdose.',
  'I wanted to die yesterday.',
  'My family would be better off without me.',
];

/** Sentences that should not: negations, idioms, ordinary days, and the program's own words. */
const SHOULD_NOT_MATCH = [
  "I don't want to die, I want to live better.",
  'I do not want to hurt myself.',
  "I'm not suicidal, just tired.",
  'I would never kill myself.',
  "I'm not going to hurt myself.",
  'I never want to harm myself again.',
  "Not again, I'm hopeless at this.", // the default program's week on returning to the breath
  "I'm hopeless at drawing.",
  'He is a hopeless romantic.',
  'The support list has a suicide prevention line.',
  'Placeholder. List a free crisis or suicide-prevention phone line for your participants’ area here.', // the default program's support text
  'That joke killed me.',
  'I nearly died laughing.',
  'I could kill for a coffee.',
  'My phone battery died.',
  'I was dying to see the new film.',
  'This traffic is killing me.',
  "I'm dead tired after work.",
  "I'd die of embarrassment.",
  'I went on a long walk and felt calmer.',
  'The meditation helped me see a way out of the argument.',
  'I hurt my back at the gym.',
  'I cut my finger chopping onions.',
  'No one was hurt in the accident.',
  'I noticed the urge to criticise myself and let it pass.',
  "It's not the end of the world.",
  'Dead end job, but I am managing.',
  'I felt hopeful today.',
  'We talked about overdue library books.',
  'Self-compassion is not self-indulgence.',
  'My harshest critic is myself.',
  'I gave up sugar for a week.',
  'I wanted to give up on the run but finished it.',
  'I could not go on the trip because of the rain.',
  'The threat system was loud today, then the soothing system helped.',
  'I was kind to myself when I made a mistake.',
  'I let myself rest when I was tired.',
  'I was worried about my exam but it went fine.',
  'I feel a bit low but I am looking after myself.',
  'I took my medication on time.',
];

describe('the built-in English check of words, against a written corpus', () => {
  const check = riskWordsFor({ locale: 'en' })!;

  it(`matches all ${SHOULD_MATCH.length} sentences that should offer the card`, () => {
    expect(SHOULD_MATCH.length).to.be.at.least(40);
    expect(SHOULD_MATCH.filter((s) => !check.matches(s))).to.deep.equal([]);
  });

  it(`matches none of the ${SHOULD_NOT_MATCH.length} sentences that should not (negations, idioms, the program's own words)`, () => {
    expect(SHOULD_NOT_MATCH.length).to.be.at.least(40);
    expect(SHOULD_NOT_MATCH.filter((s) => check.matches(s))).to.deep.equal([]);
  });

  it('has the limits the docs name: words in other orders and negations further back are not understood', () => {
    // "I don't think I can go on" is not in the list; a negation four words back does not count.
    expect(check.matches("I don't think I can go on.")).to.equal(false);
    expect(check.matches("I don't know why I want to die.")).to.equal(true);
    expect(check.matches("I don't feel like I want to end my life.")).to.equal(true);
  });
});
