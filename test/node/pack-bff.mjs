import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Packs buergerportal-bff as npm would publish it into `folder` (emptied
 * first): npm's report of it, with `tarball` its path. The build ran before
 * the Node tests (npm test); prepack would run it again.
 */
export function packBff(folder) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '-w', 'buergerportal-bff', '--ignore-scripts', '--json', '--pack-destination', folder], {
      encoding: 'utf8',
    }),
  );
  return { ...packed, tarball: join(folder, packed.filename) };
}
