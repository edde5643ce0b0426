// prepack of packages/default-program (the compassion-kit-default-program package): copies the
// default program and its recordings from content/default/, where the demo, stories and tests
// read them, into the package folder. Run from that folder (npm runs prepack there).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(repo, 'content/default');
const to = join(repo, 'packages/default-program');
rmSync(join(to, 'audio'), { recursive: true, force: true });
mkdirSync(join(to, 'audio'));
copyFileSync(join(from, 'program.json'), join(to, 'program.json'));
copyFileSync(join(repo, 'LICENSE'), join(to, 'LICENSE'));
// The recordings and transcripts the program names; not the test fixture nor the generator's notes.
const audio = readdirSync(join(from, 'audio')).filter((f) => /\.(ogg|mp3|vtt)$/.test(f) && !f.startsWith('fixture-'));
for (const f of audio) copyFileSync(join(from, 'audio', f), join(to, 'audio', f));
console.log(`copy-default-program: program.json, LICENSE and ${audio.length} recordings and transcripts into packages/default-program/`);
