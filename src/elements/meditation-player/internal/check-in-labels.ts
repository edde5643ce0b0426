import type { ChoiceField, TemplateField } from '../../../sdk/content/types.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import { CHECK_IN_TEMPLATE_ID } from '../modes.js';
import type { PlayerStrings } from '../strings.js';

export { CHECK_IN_TEMPLATE_ID };

export interface CheckInLabels {
  title: string;
  choices: readonly string[];
  choiceId: string;
  multiple: boolean;
  noteId: string;
  noteLabel: string;
  hint: string;
}

/** The check-in's question, choices and note, from the program's template or the player's words. */
export function checkInLabels(program: CompassionProgram | undefined, t: PlayerStrings): CheckInLabels {
  const template = program?.content.template(CHECK_IN_TEMPLATE_ID);
  const choice = template?.fields.find((f): f is ChoiceField => f.type === 'choice' || f.type === 'emotions');
  const note = template?.fields.find((f: TemplateField) => f.type === 'longtext' || f.type === 'text');
  return {
    title: choice?.label ?? t.checkInTitle,
    choices: choice?.options.length ? choice.options : t.checkInChoices,
    choiceId: choice?.id ?? 'feeling',
    multiple: choice?.type === 'emotions',
    noteId: note?.id ?? 'note',
    noteLabel: note ? `${note.label}${note.required ? '' : ' (optional)'}` : t.noteLabel,
    hint: t.checkInHint,
  };
}
