/** Node side of the training browser tests and bench: the server, the demo log writer and SummaryWriter, bundled together. */
export { startServer } from '@nnlens/server';
export { SummaryWriter } from '@nnlens/events-node';
export { writeDemoLogdir } from '../../packages/cli/src/events-demo.js';
