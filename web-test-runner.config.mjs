import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { cdpPlugin } from './test/helpers/cdp-plugin.mjs';

const commonjs = fromRollup(rollupCommonjs);
const executablePath = ensureChromium();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    // howler and axe-core ship CommonJS/UMD only.
    commonjs({ include: ['**/node_modules/howler/**', '**/node_modules/axe-core/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    cdpPlugin(),
  ],
};
