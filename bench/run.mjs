// `npm run bench`: bundles bench/suite.ts (our packages are TypeScript sources) and runs it; prints JSON.
import { bundleNode } from '../scripts/bundle-node.mjs';

const out = new URL('../artifacts/bench/suite.mjs', import.meta.url).pathname;
await bundleNode(new URL('./suite.ts', import.meta.url).pathname, out);
await import(out);
