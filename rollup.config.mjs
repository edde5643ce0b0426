import { readdirSync, existsSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultShouldMinify } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';

const elementDefines = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/elements/${d.name}/define.ts`))
  .map((d) => `src/elements/${d.name}/define.ts`);

// esbuild must read tsconfig, or Lit's decorators stay in the output (TOOLCHAIN pitfall 3).
const ts = () => esbuild({ tsconfig: 'tsconfig.json', target: 'es2022' });
// Collapse whitespace and comments in Lit's html`` and minify css`` (lightningcss) in our own
// sources, before esbuild strips the types. Whitespace-sensitive content (<pre>, <textarea>) is left
// as written; a template the minifier cannot parse fails the build rather than ship unminified.
// Static templates with a computed tag name (`<${tag}>` from lit/static-html) are not HTML the
// minifier can parse, so those few stay as written.
const dynamicTagName = (template) => template.parts.slice(0, -1).some((part) => /<\/?$/.test(part.text));
const literals = () =>
  minifyLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: { shouldMinify: (template) => defaultShouldMinify(template) && !dynamicTagName(template) },
  });
/**
 * The elements (by folder name) whose define module reaches `id` through static imports only: what
 * each needs before it first renders. Computed once per build from rollup's module graph.
 */
const reach = new WeakMap();
function eagerUsers(id, getModuleInfo) {
  let byModule = reach.get(getModuleInfo);
  if (!byModule) {
    byModule = new Map();
    reach.set(getModuleInfo, byModule);
    for (const define of elementDefines) {
      const element = define.split('/')[2];
      const start = getModuleInfo(`${process.cwd()}/${define}`)?.id;
      const stack = start ? [start] : [];
      const seen = new Set(stack);
      while (stack.length) {
        const current = stack.pop();
        if (!byModule.has(current)) byModule.set(current, new Set());
        byModule.get(current).add(element);
        for (const next of getModuleInfo(current)?.importedIds ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          stack.push(next);
        }
      }
    }
  }
  return byModule.get(id) ?? new Set();
}
// CK_CDN_DIR builds the CDN files elsewhere (parallel measurements); npm run size reads the same variable.
const cdnDir = process.env.CK_CDN_DIR ?? 'dist/cdn';
/**
 * Code more than one element needs, but not every page: it gets a chunk of its own, which each
 * element that needs it at first render loads in parallel with its own chunk (src/cdn.ts), and
 * which other code may import() later without pulling an element's chunk (and its define) along.
 * Named by chunk, each with the module whose static imports make it up.
 */
const sharedLazy = {
  // The journal's repository and write-ahead drafts: the journal element, a course week, the player's check-in.
  'journal-store': 'src/sdk/store/journal-parts.ts',
  // The program's markdown subset: the course overview, a week, an opened entry, the support dialog's intro.
  'program-markdown': 'src/elements/shared/markdown.ts',
};
const sharedReach = new WeakMap();
function sharedLazyChunk(id, getModuleInfo) {
  let byModule = sharedReach.get(getModuleInfo);
  if (!byModule) {
    byModule = new Map();
    sharedReach.set(getModuleInfo, byModule);
    for (const [name, root] of Object.entries(sharedLazy)) {
      const stack = [getModuleInfo(`${process.cwd()}/${root}`)?.id].filter(Boolean);
      while (stack.length) {
        const current = stack.pop();
        if (byModule.has(current)) continue;
        byModule.set(current, name);
        stack.push(...(getModuleInfo(current)?.importedIds ?? []));
      }
    }
  }
  return byModule.get(id);
}
/**
 * The shipped catalogs (src/locales/<lang>.ts, each reached only through the registry's import())
 * are packed once (issue 15: the package under 1.5 MB). The CDN build writes each as one
 * self-contained file with a hashed name, and the library's registry imports that very file from
 * dist/cdn instead of a copy of its own: `import('../../cdn/compassion-kit-es-<hash>.js')`, which
 * a bundler follows like any relative import. So the CDN is built first; `CK_BUILD=lib` alone
 * reads the names from the dist/cdn already there.
 */
const CATALOG = /\/src\/locales\/([a-z]{2,3})\.ts$/;
let cdnCatalogs;
const catalogFiles = () => ({
  name: 'catalog-files',
  generateBundle(_, bundle) {
    if (cdnDir !== 'dist/cdn') return;
    cdnCatalogs = new Map();
    for (const chunk of Object.values(bundle)) {
      const lang = chunk.type === 'chunk' && chunk.isDynamicEntry ? CATALOG.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
      if (!lang) continue;
      if (chunk.imports.length || chunk.dynamicImports.length) {
        this.error(`catalog-files: ${chunk.fileName} imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}; the library loads it from dist/cdn on its own, so it must hold the whole catalog`);
      }
      cdnCatalogs.set(lang, chunk.fileName);
    }
  },
});
const catalogsFromCdn = () => ({
  name: 'catalogs-from-cdn',
  buildStart() {
    if (cdnCatalogs) return;
    const files = existsSync('dist/cdn') ? readdirSync('dist/cdn') : [];
    cdnCatalogs = new Map(files.map((f) => /^compassion-kit-([a-z]{2,3})-[\w-]{8}\.js$/.exec(f)).filter(Boolean).map((m) => [m[1], m[0]]));
  },
  async resolveId(source, importer, options) {
    if (!importer || !source.startsWith('.')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const lang = resolved ? CATALOG.exec(resolved.id)?.[1] : undefined;
    if (!lang) return resolved;
    const file = cdnCatalogs.get(lang);
    if (!file) this.error(`catalogs-from-cdn: dist/cdn has no catalog for "${lang}" (build the CDN first: npm run build builds both)`);
    // From where the importer lands in dist/lib (preserveModules mirrors src/), written as is.
    const from = dirname(resolve('dist/lib', relative(resolve('src'), importer)));
    return { id: relative(from, resolve('dist/cdn', file)).replaceAll('\\', '/'), external: 'absolute' };
  },
});

const external = [/^lit($|\/)/, /^@lit\//, /^idb($|\/)/, /^howler($|\/)/, /^react($|\/)/];
// compassion-kit/react: one module per element's React component (src/react/).
const reactWrappers = readdirSync('src/react').filter((f) => f.endsWith('.ts')).map((f) => `src/react/${f}`);

/**
 * npm library: one output module per source module, dependencies left to the app's bundler.
 * Minified like the CDN files (class names kept, `@__PURE__` annotations kept for the app's
 * tree-shaking) and without source maps, so the package stays under 1.5 MB unpacked (issue 15);
 * the readable code is this repository's src/, one file per module of dist/lib.
 */
const library = {
  input: ['src/index.ts', 'src/define.ts', 'src/sdk/index.ts', ...elementDefines, ...reactWrappers],
  external,
  plugins: [
    catalogsFromCdn(),
    nodeResolve(),
    literals(),
    ts(),
    terser({ module: true, keep_classnames: true, format: { comments: false, preserve_annotations: true } }),
  ],
  output: {
    dir: 'dist/lib',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
  },
};

/**
 * CDN: one small entry that registers each element when its tag first appears; element code,
 * the SDK and howler (on first play) arrive as chunks beside it.
 */
const cdn = {
  input: 'src/cdn.ts',
  plugins: [nodeResolve({ browser: true }), commonjs(), literals(), ts(), terser({ format: { comments: false } })],
  output: {
    dir: cdnDir,
    format: 'es',
    entryFileNames: 'compassion-kit.js',
    chunkFileNames: 'compassion-kit-[name]-[hash].js',
    // Name chunks after what they hold: the shared core (lit, idb, SDK, provider), one per element,
    // howler. Only what a page needs at first render is placed: a module that no element's define
    // reaches through static imports (crypto, backup and export, the validator, an element's rarely
    // used views) is left to rollup, which gives it a lazy chunk of its own, loaded by its import().
    manualChunks(id, { getModuleInfo }) {
      if (id.endsWith('/src/cdn.ts')) return undefined;
      if (id.includes('/node_modules/howler/')) return 'howler';
      const users = eagerUsers(id, getModuleInfo);
      if (users.size === 0) return undefined;
      // Modules the core needs stay in the core; the rest of a shared lazy module's imports go with it.
      const lazyShared = sharedLazyChunk(id, getModuleInfo);
      if (lazyShared && !users.has('compassion-program')) return lazyShared;
      const element = /\/src\/elements\/([a-z-]+)\//.exec(id)?.[1];
      if (element && element !== 'shared' && element !== 'compassion-program') return element;
      // Used at first render by one element only: it travels with that element.
      if (users.size === 1 && !users.has('compassion-program')) return [...users][0];
      return 'core';
    },
    // Maps are written for this repository's own debugging but not linked from the files (a
    // sourceMappingURL would send every clinic's DevTools after a file the package leaves out).
    sourcemap: 'hidden',
  },
};

// The autoloader (src/cdn.ts) imports an element's chunk together with the provider's, not after
// it, and relies on this: each element chunk imports the chunk that defines <compassion-program>,
// so the provider is registered before any element looks for it. Fail the build if that breaks.
const providerFirst = () => ({
  name: 'provider-first',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    const holding = (suffix) => chunks.filter((c) => c.moduleIds.some((id) => id.endsWith(suffix)));
    const [provider] = holding('/src/elements/compassion-program/define.ts');
    if (!provider) return this.error('provider-first: no chunk holds src/elements/compassion-program/define.ts');
    for (const element of elementDefines.filter((d) => !d.includes('/compassion-program/'))) {
      for (const chunk of holding(`/${element}`)) {
        if (chunk !== provider && !chunk.imports.includes(provider.fileName)) {
          this.error(`provider-first: ${chunk.fileName} (${element}) does not import ${provider.fileName}, which defines <compassion-program>; src/cdn.ts loads them in parallel and needs the provider to run first.`);
        }
      }
    }
  },
});
cdn.plugins.push(providerFirst(), catalogFiles());

// Start each build from an empty folder so stale hashed chunks never linger (npm run size reads them all).
const clean = (dir) => ({ name: 'clean', buildStart: () => rmSync(dir, { recursive: true, force: true }) });
library.plugins.unshift(clean('dist/lib'));
cdn.plugins.unshift(clean(cdnDir));

const only = process.env.CK_BUILD;
// The CDN first: the library imports its catalog files (catalogsFromCdn).
export default only === 'cdn' ? [cdn] : only === 'lib' ? [library] : [cdn, library];
