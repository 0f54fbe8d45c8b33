// Builds the three CommonJS bundles: the extension, the client library and the sandbox.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: { extension: 'src/extension/extension.ts' }, external: ['vscode'] },
  { entryPoints: { client: 'src/client/index.ts' } },
  { entryPoints: { sandbox: 'src/sandbox/index.ts' } },
];

for (const build of builds) {
  const options = { ...common, ...build, outdir: 'dist' };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
  }
}
