// Bundles a Node entry point with esbuild: our workspaces (TypeScript sources) inline, npm packages external.
import { build } from 'esbuild';

/** Bundles `entry` into the ES module `outfile`; `shebang` adds `#!/usr/bin/env node`. */
export async function bundleNode(entry, outfile, { shebang = false } = {}) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    banner: {
      js: `${shebang ? '#!/usr/bin/env node\n' : ''}import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);`,
    },
    plugins: [
      {
        name: 'externalize-deps',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@nnlens/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
    logLevel: 'warning',
  });
}
