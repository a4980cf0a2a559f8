// Generates custom-elements.json from the JSDoc (analyzer with the Lit plugin)
// and sorts its modules by path, so that the file does not depend on the
// order in which the file system lists the sources.
// Usage: node scripts/manifest.mjs [outdir]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementsOf } from './manifest-elements.mjs';
import { describeTypes } from './manifest-types.mjs';

const outdir = process.argv[2] ?? '.';
execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
  env: { ...process.env, CEM_OUTDIR: outdir },
  stdio: 'pipe',
});
const file = join(outdir, 'custom-elements.json');
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
describeTypes(manifest);
// Refuses a public member without a type before anything reads the file.
elementsOf(manifest);
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
