/** URLs of tfjs-backend-wasm's .wasm files as Vite emits them (they ship inside the npm package). */
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** File name → URL, absolute (the worker's base differs from the page's). */
export function wasmPaths(): Record<string, string> {
  const abs = (u: string): string => new URL(u, self.location.href).href;
  return {
    'tfjs-backend-wasm.wasm': abs(plain),
    'tfjs-backend-wasm-simd.wasm': abs(simd),
    'tfjs-backend-wasm-threaded-simd.wasm': abs(threaded),
  };
}
