/**
 * Entry point, deliberately small: starts the model worker and, for `?url=`, the model download and parse;
 * then loads the app (a separate, larger chunk) which picks the open up where it stands.
 */
import { startEarlyOpen } from './model/early-open.js';
import { sharedClient } from './model/worker-client.js';

sharedClient();
const url = new URLSearchParams(location.search).get('url');
if (url) startEarlyOpen(url);
void import('./app/mount.js');
