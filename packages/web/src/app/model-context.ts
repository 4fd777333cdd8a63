/** The one ModelStore of the app, shared by the top bar (Open), the drop target and the pages. */
import { useSyncExternalStore } from 'react';
import { ModelStore, type ModelState } from '../model/store.js';

/** The app's model store. */
export const modelStore = new ModelStore();
// Load the worker's code now, in parallel with React's first render and the model download.
modelStore.warmUp();

/** The store's state, re-rendering on change. */
export function useModelState(): ModelState {
  return useSyncExternalStore(modelStore.subscribe, modelStore.get);
}
