import { readdirSync, existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const elementDefines = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/elements/${d.name}/define.ts`))
  .map((d) => `src/elements/${d.name}/define.ts`);

// esbuild must read tsconfig, or Lit's decorators stay in the output (TOOLCHAIN pitfall 3).
const ts = () => esbuild({ tsconfig: 'tsconfig.json', target: 'es2022' });
const external = [/^lit($|\/)/, /^@lit\//, /^idb($|\/)/, /^howler($|\/)/];

/** npm library: one output module per source module, dependencies left to the app's bundler. */
const library = {
  input: ['src/index.ts', 'src/define.ts', 'src/sdk/index.ts', ...elementDefines],
  external,
  plugins: [nodeResolve(), ts()],
  output: {
    dir: 'dist/lib',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
};

/** CDN: one file that registers every element; howler becomes a chunk fetched on first play. */
const cdn = {
  input: 'src/define.ts',
  plugins: [nodeResolve({ browser: true }), commonjs(), ts(), terser({ format: { comments: false } })],
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: 'compassion-kit.js',
    chunkFileNames: 'compassion-kit-[name]-[hash].js',
    sourcemap: true,
  },
};

const only = process.env.CK_BUILD;
export default only === 'cdn' ? [cdn] : only === 'lib' ? [library] : [library, cdn];
