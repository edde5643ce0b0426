// The end of `npm run build`: writes the generated JSON the package ships (the custom elements
// manifest and the editor data) without indentation, and the program's JSON Schema as
// dist/program.schema.json (docs/program.schema.json stays indented for people to read). Tools
// read them the same; the package is about 115 kB smaller (issue 15, point 3: its unpacked size).
import { readFileSync, writeFileSync } from 'node:fs';

const files = ['custom-elements.json', 'dist/web-types.json', 'dist/vscode.html-custom-data.json', 'dist/vscode.css-custom-data.json'];
let before = 0;
let after = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const small = JSON.stringify(JSON.parse(text));
  writeFileSync(file, `${small}\n`);
  before += Buffer.byteLength(text);
  after += Buffer.byteLength(small) + 1;
}
const schema = readFileSync('docs/program.schema.json', 'utf8');
const smallSchema = `${JSON.stringify(JSON.parse(schema))}\n`;
writeFileSync('dist/program.schema.json', smallSchema);
before += Buffer.byteLength(schema);
after += Buffer.byteLength(smallSchema);
console.log(`minify-json: ${files.length + 1} files, ${Math.round(before / 1000)} kB to ${Math.round(after / 1000)} kB`);
