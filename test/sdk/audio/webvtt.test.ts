import { expect } from 'chai';
import { AudioError } from '../../../src/sdk/audio/errors.js';
import { cueIndexAt, cueText, parseTimestamp, parseWebVtt } from '../../../src/sdk/audio/webvtt.js';

describe('parseWebVtt', () => {
  it('reads cues with times in seconds and their text', () => {
    const cues = parseWebVtt('WEBVTT\n\n00:00.500 --> 00:02.000\nHello there.\n\n00:02.500 --> 00:04.250\nBreathe in.\n');
    expect(cues).to.deep.equal([
      { start: 0.5, end: 2, text: 'Hello there.' },
      { start: 2.5, end: 4.25, text: 'Breathe in.' },
    ]);
  });

  it('ignores a byte-order mark and CRLF or CR line ends', () => {
    const crlf = parseWebVtt('\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nOne\r\n\r\n00:00:03.000 --> 00:00:04.000\r\nTwo\r\n');
    const cr = parseWebVtt('WEBVTT\r\r00:00:01.000 --> 00:00:02.000\rOne\r\r00:00:03.000 --> 00:00:04.000\rTwo\r');
    expect(crlf.map((c) => c.text)).to.deep.equal(['One', 'Two']);
    expect(cr).to.deep.equal(crlf);
  });

  it('keeps cue identifiers and drops cue settings', () => {
    const [cue] = parseWebVtt('WEBVTT\n\nintro-1\n00:00:01.000 --> 00:00:02.000 align:start position:10% line:0\nWelcome.\n');
    expect(cue).to.deep.equal({ id: 'intro-1', start: 1, end: 2, text: 'Welcome.' });
  });

  it('skips the header text, NOTE, STYLE and REGION blocks', () => {
    const text = [
      'WEBVTT - a calm practice',
      'Kind: captions',
      '',
      'STYLE',
      '::cue { color: white }',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'NOTE',
      'Written for this project.',
      '00:00:09.000 --> 00:00:10.000 is inside the note',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'Only cue',
      '',
      'NOTE another note',
      '',
    ].join('\n');
    expect(parseWebVtt(text)).to.deep.equal([{ start: 1, end: 2, text: 'Only cue' }]);
  });

  it('joins multi-line cue text and removes markup and entities', () => {
    const [cue] = parseWebVtt('WEBVTT\n\n00:01.000 --> 00:03.000\n<v Guide>Let your <i>breath</i></v>\nslow &amp; settle &lt;gently&gt;&#x21;\n');
    expect(cue!.text).to.equal('Let your breath\nslow & settle <gently>!');
  });

  it('reads hours, and accepts a comma before the milliseconds as SRT writes it', () => {
    expect(parseTimestamp('01:02:03.450')).to.equal(3723.45);
    expect(parseTimestamp('02:03,5')).to.equal(123.5);
    expect(parseTimestamp('1:2:3')).to.be.NaN;
    expect(parseTimestamp('00:61.000')).to.be.NaN;
  });

  it('skips a malformed cue and keeps the rest', () => {
    const cues = parseWebVtt('WEBVTT\n\n00:0x.000 --> 00:02.000\nBroken\n\n00:05.000 --> 00:04.000\nBackwards\n\n00:03.000 --> 00:04.000\nFine\n\njust some text\nwithout timing\n');
    expect(cues.map((c) => c.text)).to.deep.equal(['Fine']);
  });

  it('sorts cues by start time', () => {
    const cues = parseWebVtt('WEBVTT\n\n00:05.000 --> 00:06.000\nLater\n\n00:01.000 --> 00:02.000\nEarlier\n');
    expect(cues.map((c) => c.text)).to.deep.equal(['Earlier', 'Later']);
  });

  it('returns no cues for a header-only file', () => {
    expect(parseWebVtt('WEBVTT')).to.deep.equal([]);
    expect(parseWebVtt('WEBVTT\n')).to.deep.equal([]);
  });

  it('refuses text that is not WebVTT with an invalid-transcript error naming the source', () => {
    let error: unknown;
    try {
      parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\nSRT\n', 'The transcript "x.srt"');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(AudioError);
    expect((error as AudioError).code).to.equal('invalid-transcript');
    expect((error as AudioError).message).to.contain('x.srt');
    expect(() => parseWebVtt('WEBVTTX\n')).to.throw(AudioError);
  });

  it('parses the fixture transcript served with the default content', async () => {
    const text = await (await fetch('/packages/default-program/audio/fixture-short.vtt')).text();
    const cues = parseWebVtt(text);
    expect(cues.length).to.be.greaterThan(1);
    for (const c of cues) expect(c.end).to.be.greaterThan(c.start);
  });
});

describe('cueText', () => {
  it('keeps unknown entities as written', () => {
    expect(cueText('a &bogus; b')).to.equal('a &bogus; b');
  });
});

describe('cueIndexAt', () => {
  const cues = [
    { start: 1, end: 2, text: 'a' },
    { start: 3, end: 4, text: 'b' },
    { start: 5, end: 6, text: 'c' },
  ];
  it('is -1 before the first cue', () => {
    expect(cueIndexAt(cues, 0.5)).to.equal(-1);
  });
  it('finds the cue being spoken', () => {
    expect(cueIndexAt(cues, 3.5)).to.equal(1);
    expect(cueIndexAt(cues, 5)).to.equal(2);
  });
  it('keeps the previous cue highlighted in the pause between cues', () => {
    expect(cueIndexAt(cues, 2.5)).to.equal(0);
    expect(cueIndexAt(cues, 60)).to.equal(2);
  });
});
