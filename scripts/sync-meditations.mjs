// Copies the real length (and chapters) of each generated recording from
// packages/default-program/audio/meditations.json into packages/default-program/program.json, touching nothing else.
//   node scripts/sync-meditations.mjs          write the program
//   node scripts/sync-meditations.mjs --check  exit 1 if the program is out of date
//   node scripts/sync-meditations.mjs [--check] content/samples/es-program.json content/samples/es/audio/meditations.json
//                                              the same for another program and its recordings
import { readFileSync, writeFileSync } from 'node:fs';

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const PROGRAM = paths[0] ?? 'packages/default-program/program.json';
const MEASURED = paths[1] ?? 'packages/default-program/audio/meditations.json';
const check = process.argv.includes('--check');

const text = readFileSync(PROGRAM, 'utf8');
const program = JSON.parse(text);
const measured = JSON.parse(readFileSync(MEASURED, 'utf8'));
const byId = new Map(measured.map((m) => [m.id, m]));

const problems = [];
for (const meditation of program.meditations) {
  const m = byId.get(meditation.id);
  if (!m) {
    problems.push(`${MEASURED} has no entry for meditation "${meditation.id}"`);
    continue;
  }
  if (typeof m.duration !== 'number' || !(m.duration > 0)) {
    problems.push(`${MEASURED}: "${m.id}" has no positive duration`);
    continue;
  }
  meditation.duration = m.duration;
  if (Array.isArray(m.chapters) && m.chapters.length) {
    meditation.chapters = m.chapters.map((c) => ({ start: c.start, title: c.title }));
  } else {
    delete meditation.chapters;
  }
}
for (const m of measured) {
  if (!program.meditations.some((p) => p.id === m.id)) problems.push(`${PROGRAM} has no meditation "${m.id}" (measured in ${MEASURED})`);
}
if (problems.length) {
  console.error(`sync-meditations: ${problems.join('\n  ')}`);
  process.exit(1);
}

// The program file is kept as JSON.stringify(…, null, 2) writes it, so only changed values differ.
const next = `${JSON.stringify(program, null, 2)}\n`;
if (check) {
  if (next !== text) {
    console.error(`sync-meditations: ${PROGRAM} is out of date with ${MEASURED}; run node scripts/sync-meditations.mjs`);
    process.exit(1);
  }
  console.log(`sync-meditations: ${PROGRAM} matches ${MEASURED}.`);
} else if (next === text) {
  console.log(`sync-meditations: ${PROGRAM} already matches ${MEASURED}.`);
} else {
  writeFileSync(PROGRAM, next);
  console.log(`sync-meditations: updated ${program.meditations.length} meditations in ${PROGRAM}.`);
}
