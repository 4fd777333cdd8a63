/** The core packages the worker runs, in one place (the only imports of formats, analysis and layout). */
export {
  attachExternalData,
  externalDataFiles,
  openModel,
  prepareModelSource,
  ModelFormatError,
} from '@nnlens/formats';
export type { ModelSource } from '@nnlens/formats';
export { analyze } from '@nnlens/analysis';
export type { ModelAnalysis, NodeCost } from '@nnlens/analysis';
export { buildScopeTree, layoutGraph, makeSyntheticDenseNet } from '@nnlens/layout';
export type { GraphLayout, LayoutOptions, ScopeGroup, ScopeTree } from '@nnlens/layout';
