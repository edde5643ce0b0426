import { expect } from 'chai';
import { DEFAULT_RISK_PHRASES_EN, ProgramError, RiskWords, riskWordsFor, validateProgram, type Program } from '../../../src/sdk/index.js';
import { makeProgram } from '../../fixtures/programs.js';

// Issue 16, point 6: the on-device check of the participant's own words.

describe("the on-device check of a participant's words", () => {
  const english = riskWordsFor({ locale: 'en-GB' })!;

  it('finds the built-in phrases in English whatever the case, accents or apostrophes', () => {
    expect(english.matches('Some days I feel like I CAN’T GO ON.')).to.equal(true);
    expect(english.matches('i cant go on like this')).to.equal(true);
    expect(english.matches('Honestly I want to die.')).to.equal(true);
    expect(english.matches('I have been having suicidal thoughts')).to.equal(true);
    expect(english.matches('I feel hopeless\nabout all of it')).to.equal(true);
    expect(english.matches('I wish I were\tdead')).to.equal(true);
  });

  it('matches whole words only, so ordinary sentences do not offer the card', () => {
    expect(english.matches('I went on a long walk and felt calmer.')).to.equal(false);
    // "hopelessly" is not "hopeless"; "skill myself" is not "kill myself".
    expect(english.matches('I am hopelessly fond of my dog')).to.equal(false);
    expect(english.matches('I want to skill myself up at work')).to.equal(false);
    expect(english.matches('')).to.equal(false);
  });

  it("uses the clinic's phrases for a program in another language, and no English list there", () => {
    const spanish = riskWordsFor({ locale: 'es', support: { riskCheck: { phrases: ['quiero morir', 'hacerme daño', 'suicid*'] } } })!;
    expect(spanish.matches('A veces QUIERO MORIR')).to.equal(true);
    expect(spanish.matches('tengo miedo de hacerme dano')).to.equal(true);
    expect(spanish.matches('pensamientos suicidas')).to.equal(true);
    expect(spanish.matches('I want to die')).to.equal(false);
    expect(riskWordsFor({ locale: 'de' })).to.equal(undefined);
  });

  it('can be turned off, or limited to the clinic phrases', () => {
    expect(riskWordsFor({ locale: 'en', support: { riskCheck: { enabled: false } } })).to.equal(undefined);
    const own = riskWordsFor({ locale: 'en', support: { riskCheck: { useDefaults: false, phrases: ['give up'] } } })!;
    expect(own.matches('I want to give up')).to.equal(true);
    expect(own.matches('I want to die')).to.equal(false);
  });

  it('treats the characters of a phrase literally, never as a pattern', () => {
    const odd = new RiskWords(['a.b', '(x', '*', '']);
    expect(odd.matches('a b')).to.equal(true); // "." is punctuation, folded to a space like in the text
    expect(odd.matches('axb')).to.equal(false);
    expect(odd.matches('x')).to.equal(true);
    expect(odd.matches('anything else')).to.equal(false);
  });

  it('ships a built-in list written for this program, each phrase matching itself', () => {
    expect(DEFAULT_RISK_PHRASES_EN.length).to.be.greaterThan(20);
    for (const phrase of DEFAULT_RISK_PHRASES_EN) expect(english.matches(`today ${phrase.replace('*', 'al')} today`), phrase).to.equal(true);
  });

  it('is part of the program format, with its limits checked', () => {
    const program = makeProgram(1) as unknown as Program;
    (program as { support: unknown }).support = { resources: [{ label: 'Line', phone: '111' }], riskCheck: { phrases: ['x'.repeat(501)], enabled: 'yes' } };
    try {
      validateProgram(program);
      expect.fail('expected errors');
    } catch (e) {
      const paths = (e as ProgramError).issues.map((i) => i.path);
      expect(paths).to.include.members(['support.riskCheck.phrases[0]', 'support.riskCheck.enabled']);
    }
  });
});
