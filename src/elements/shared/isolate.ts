import { html, type TemplateResult } from 'lit';

// Where the program's text goes in the sentence: a control character no translation writes.
const SLOT = '\u0001';

/**
 * A translated sentence with the program's text inside it ("Week 3: <step title>"), that text in
 * a `<bdi>` of its own: an English title in an Arabic sentence, or an Arabic title in an English
 * one, keeps its own order and leaves the sentence's words and numbers where they were.
 * `sentence` writes the sentence around the text it is given, as the strings' functions do (once).
 */
export function isolate(sentence: (text: string) => string, text: string): TemplateResult {
  const [before, after] = sentence(SLOT).split(SLOT);
  return html`${before}<bdi>${text}</bdi>${after}`;
}
