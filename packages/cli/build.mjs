// Bundles the CLI (with the workspace packages it uses) into dist/nnlens.mjs.
import { bundleNode } from '../../scripts/bundle-node.mjs';

await bundleNode(
  new URL('./src/main.ts', import.meta.url).pathname,
  new URL('./dist/nnlens.mjs', import.meta.url).pathname,
  {
    shebang: true,
  },
);
