import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ChoiceField, JournalTemplate, ScaleField, TemplateField, TextField } from '../../../sdk/content/types.js';
import type { FieldValue } from '../../../sdk/store/records.js';
import type { Draft, EntryEditor } from './entry-editor.js';

export { extraFields } from './entries.js';

/**
 * The inputs of a template. Values are bound with `live()`: Lit writes a value into the DOM only
 * when it differs from what is already there, so autosave re-renders never move the caret.
 */
export function renderFields(template: JournalTemplate, draft: Draft, editor: EntryEditor, disabled: boolean, clear: string): TemplateResult {
  return html`${template.fields.map((f) => renderField(f, draft.fields[f.id] ?? null, editor, disabled, clear))}`;
}

/** One field; `clear` is the word on the button that empties a scale or a choice (in the journal's language). */
export function renderField(field: TemplateField, value: FieldValue, editor: EntryEditor, disabled: boolean, clear: string): TemplateResult {
  switch (field.type) {
    case 'text':
    case 'longtext':
      return renderText(field, value, editor, disabled);
    case 'scale':
      return renderScale(field, value, editor, disabled, clear);
    case 'choice':
      return renderChoice(field, value, editor, disabled, clear);
    case 'emotions':
      return renderEmotions(field, value, editor, disabled);
  }
}

const set = (editor: EntryEditor, id: string, value: FieldValue) => editor.edit((d) => (d.fields[id] = value));

function help(field: TemplateField): TemplateResult | typeof nothing {
  return field.help ? html`<p class="help" id=${`help-${field.id}`}>${field.help}</p>` : nothing;
}

function renderText(field: TextField, value: FieldValue, editor: EntryEditor, disabled: boolean): TemplateResult {
  const id = `field-${field.id}`;
  const text = typeof value === 'string' ? value : value === null ? '' : String(value);
  const describedBy = field.help ? `help-${field.id}` : undefined;
  const onInput = (e: Event) => set(editor, field.id, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field" part="field">
    <label for=${id}>${field.label}</label>
    ${help(field)}
    ${field.type === 'longtext'
      ? html`<textarea id=${id} part="textarea" dir="auto" rows="6" placeholder=${ifDefined(field.placeholder)} aria-describedby=${ifDefined(describedBy)} ?disabled=${disabled} .value=${live(text)} @input=${onInput}></textarea>`
      : html`<input id=${id} part="input" type="text" dir="auto" placeholder=${ifDefined(field.placeholder)} aria-describedby=${ifDefined(describedBy)} ?disabled=${disabled} .value=${live(text)} @input=${onInput} />`}
  </div>`;
}

function clearButton(field: TemplateField, value: FieldValue, editor: EntryEditor, disabled: boolean, clear: string): TemplateResult | typeof nothing {
  if (value === null || (Array.isArray(value) && value.length === 0)) return nothing;
  return html`<button type="button" class="button quiet clear" ?disabled=${disabled} @click=${() => set(editor, field.id, null)}>
    ${clear}<span class="visually-hidden"> ${field.label}</span>
  </button>`;
}

/**
 * A scale as one row of numbered segments (a native radio group: arrow keys move the choice), with
 * the end labels above it. Each segment is at least 24 px wide and 44 px tall, so 0–10 fits on one
 * row from about 280 px; narrower, a scale of 7 to 12 steps becomes two even rows of keys, and a
 * longer one wraps rather than overflows.
 */
function renderScale(field: ScaleField, value: FieldValue, editor: EntryEditor, disabled: boolean, clear: string): TemplateResult {
  const steps: number[] = [];
  for (let n = field.min; n <= field.max; n++) steps.push(n);
  const ends = field.minLabel || field.maxLabel;
  const endLabel = (n: number) => (n === field.min ? field.minLabel : n === field.max ? field.maxLabel : undefined);
  return html`<fieldset class="field scale" part="field scale" role="radiogroup" aria-labelledby=${`label-${field.id}`} aria-describedby=${ifDefined(ends ? `ends-${field.id}` : undefined)}>
    <legend id=${`label-${field.id}`}>${field.label}</legend>
    ${help(field)}
    ${ends
      ? html`<div class="scale-ends" id=${`ends-${field.id}`}>
          <span>${field.min} = ${field.minLabel ?? ''}</span>
          <span>${field.max} = ${field.maxLabel ?? ''}</span>
        </div>`
      : nothing}
    <div class="scale-box">
      <div class=${steps.length > 6 && steps.length <= 12 ? 'scale-options balanced' : 'scale-options'}>
      ${steps.map(
        (n) => html`<label class="scale-option">
          <input type="radio" name=${`field-${field.id}`} .value=${String(n)} ?disabled=${disabled} .checked=${live(value === n)} @change=${() => set(editor, field.id, n)} />
          <span>${n}</span>${endLabel(n) ? html`<span class="visually-hidden">, ${endLabel(n)}</span>` : nothing}
        </label>`,
      )}
      </div>
    </div>
    ${clearButton(field, value, editor, disabled, clear)}
  </fieldset>`;
}

function renderChoice(field: ChoiceField, value: FieldValue, editor: EntryEditor, disabled: boolean, clear: string): TemplateResult {
  return html`<fieldset class="field choice" part="field choice">
    <legend>${field.label}</legend>
    ${help(field)}
    <div class="options">
      ${field.options.map(
        (option) => html`<label class="option">
          <input type="radio" name=${`field-${field.id}`} .value=${option} ?disabled=${disabled} .checked=${live(value === option)} @change=${() => set(editor, field.id, option)} />
          <span>${option}</span>
        </label>`,
      )}
    </div>
    ${clearButton(field, value, editor, disabled, clear)}
  </fieldset>`;
}

function renderEmotions(field: ChoiceField, value: FieldValue, editor: EntryEditor, disabled: boolean): TemplateResult {
  const chosen = Array.isArray(value) ? value : [];
  const toggle = (option: string, on: boolean) =>
    editor.edit((d) => {
      const current = Array.isArray(d.fields[field.id]) ? (d.fields[field.id] as string[]) : [];
      d.fields[field.id] = on ? [...current.filter((o) => o !== option), option] : current.filter((o) => o !== option);
    });
  // Feelings the template no longer lists stay visible (and removable), so nothing chosen is hidden.
  const options = [...field.options, ...chosen.filter((c) => !field.options.includes(c))];
  return html`<fieldset class="field emotions" part="field emotions">
    <legend>${field.label}</legend>
    ${help(field)}
    <div class="chips">
      ${options.map(
        (option) => html`<label class="chip">
          <input type="checkbox" name=${`field-${field.id}`} .value=${option} ?disabled=${disabled} .checked=${live(chosen.includes(option))} @change=${(e: Event) => toggle(option, (e.target as HTMLInputElement).checked)} />
          <span>${option}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}
