// Type-checks every workspace package with its own tsconfig (core packages have no DOM lib).
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';

const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
let failed = false;
for (const name of readdirSync('packages')) {
  const config = `packages/${name}/tsconfig.json`;
  if (!existsSync(config)) continue;
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
  } catch {
    failed = true;
    console.error(`typecheck failed: ${name}`);
  }
}
for (const extra of ['test/tsconfig.json', 'bench/tsconfig.json', 'e2e/tsconfig.json']) {
  if (!existsSync(extra)) continue;
  try {
    execFileSync(process.execPath, [tsc, '-p', extra], { stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
