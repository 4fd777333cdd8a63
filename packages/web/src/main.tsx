/** Entry point: starts the model worker first, then loads and mounts the app (a separate, larger chunk). */
import { bootWorker } from './model/worker-boot.js';

bootWorker();
void import('./app/mount.js');
