/** @nnlens/layout — name-scope grouping and a fast layered layout for neural-network graphs. */
/** The typed error thrown on inconsistent layout input. */
export { LayoutError } from './errors.js';
export type { RepeatInfo, ScopeGroup, ScopeTree } from './scope-tree.js';
/** Groups nodes by name scope (or weight names, or neighbours) and marks repeated blocks. */
export { buildScopeTree } from './scope-tree.js';
export type { ScopeSource } from './scope-paths.js';
/** Module path of a node name (`/layer1/layer1.0/conv1/Conv` → layer1, layer1.0, conv1). */
export { pathFromName } from './scope-paths.js';
/** Module path of a weight name (`layer1.0.conv1.weight` → layer1, layer1.0, conv1). */
export { pathFromWeight } from './scope-paths.js';
export type { GraphLayout, LayoutEdge, LayoutItem, LayoutOptions } from './layout-graph.js';
/** Hierarchical layout of the visible part of a graph (collapsed groups as boxes, expanded as frames). */
export { layoutGraph } from './layout-graph.js';
/** Height of an expanded group's label band and its inner padding, in px. */
export { FRAME_HEADER, FRAME_PAD } from './layout-graph.js';
export type { LayeredEdge, LayeredNode, LayeredOptions, LayeredResult } from './layered/layered-layout.js';
/** Sugiyama-style layered layout of a plain node/edge list (our own, tuned for DNN graphs). */
export { layeredLayout } from './layered/layered-layout.js';
/** Default box sizes used when no nodeSize is given. */
export { collapsedGroupSize, defaultNodeSize, ioSize } from './node-size.js';
/** A DenseNet-like model of about n nodes with PyTorch-style scoped names, for benchmarks and tests. */
export { makeSyntheticDenseNet } from './synthetic-densenet.js';
/** Nodes computing only from weights/constants (Constant, Identity of a weight): a good `hidden`. */
export { constantNodes } from './constant-nodes.js';
/** Structural checks of a layout (overlaps, frames, edge ports), as a list of problems. */
export { checkLayout } from './check-layout.js';
