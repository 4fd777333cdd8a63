/** @nnlens/runtime — executes the nnlens IR on tfjs: taps on every tensor, gradients, attribution methods. */
/** Backend choice (wasm, webgl, cpu) and initialisation. */
export { initBackend, memoryInfo } from './backend.js';
export type { BackendName, BackendOptions } from './backend.js';
/** Typed errors naming op and node. */
export { NodeExecutionError, RuntimeError, UnsupportedOpError } from './errors.js';
export type { HostDType, HostTensor } from './host.js';
/** Host tensor helpers. */
export { floatTensor, intTensor, sizeOf } from './host.js';
/** The executable model. */
export { Session, liveTensors } from './session.js';
export type { InputInfo, Keep, SessionOptions } from './session.js';
/** Every tensor of one forward pass. */
export { Trace } from './trace.js';
export type { TapTensor } from './trace.js';
export type { GradTarget, GradientResult } from './gradient.js';
/** Ops the runtime executes. */
export { supportedOps } from './ops/index.js';
