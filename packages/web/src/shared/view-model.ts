/** The serialisable view of a model that the worker sends to the page (the Model itself stays in the worker). */
import type { OpCategory } from './op-category.js';

/** A dimension as the page sees it. */
export type ViewDim = number | string | null;

/** Facts about a constant tensor (initializer), without its values. */
export interface InitializerView {
  dtype: string;
  shape: number[];
  elements: number;
  bytes: number;
  /** Where the values are: in the file, in an external file (not loaded yet), or nowhere. */
  storage: 'raw' | 'values' | 'external' | 'none';
  /** External file name, when storage is external. */
  location?: string;
}

/** One tensor (edge) of a graph. */
export interface ValueView {
  name: string;
  dtype: string;
  dims: ViewDim[] | null;
  /** `1×64×56×56`-style text; '' when unknown. */
  shape: string;
  /** Producing node index, or -1 (graph input, initializer, outer-scope value). */
  producer: number;
  /** Consuming node indices, in graph order, without repeats. */
  consumers: number[];
  init?: InitializerView;
  graphInput: boolean;
  graphOutput: boolean;
}

/** A node cost, as computed by the analysis. */
export interface CostView {
  params: number;
  macs: number;
  weightBytes: number;
  activationBytes: number;
  sharedParams: number;
}

/** An attribute, formatted for display. */
export interface AttributeView {
  name: string;
  kind: string;
  text: string;
}

/** A subgraph held by a node attribute, which the page can open. */
export interface SubgraphLink {
  attribute: string;
  /** Graph path to ask the worker for. */
  path: string;
  /** Short label for breadcrumbs, e.g. `Loop_3.body`. */
  label: string;
  nodeCount: number;
}

/** One node of a graph. */
export interface NodeView {
  index: number;
  name: string;
  op: string;
  domain: string;
  category: OpCategory;
  /** Short key-attribute text drawn in the node, e.g. `3×3/2 · 64`. */
  summary: string;
  attributes: AttributeView[];
  /** Value indices (into GraphView.values), -1 for an omitted optional input. */
  inputs: number[];
  outputs: number[];
  cost: CostView | null;
  subgraphs: SubgraphLink[];
  /** True when the view hides it (a Constant that only feeds weights). */
  hidden: boolean;
}

/** A name-scope group of the scope tree, flattened. */
export interface GroupView {
  id: string;
  label: string;
  parent: string | null;
  children: string[];
  /** Node indices directly in this group. */
  nodes: number[];
  nodeCount: number;
  /** How many times the block repeats (e.g. 24 identical layers), when the layout found a repeat. */
  repeat: number;
  /** Position of this group in its run of repeats, from 0. */
  repeatIndex: number;
}

/** A drawable box of a layout. */
export interface LayoutNodeItem {
  kind: 'node';
  id: string;
  /** -1 for graph input/output boxes, which carry valueName. */
  nodeIndex: number;
  valueName?: string;
  io?: 'input' | 'output';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A group frame (expanded) or a collapsed group box. */
export interface LayoutGroupItem {
  kind: 'group';
  id: string;
  groupId: string;
  expanded: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
}

/** One drawable of the layout. */
export type LayoutItemView = LayoutNodeItem | LayoutGroupItem;

/** One edge: item ids, the tensor name it carries, and its route. */
export interface LayoutEdgeView {
  id: string;
  from: string;
  to: string;
  value: string;
  /** Flat x,y list. */
  points: number[];
}

/** A laid-out view of a graph for one set of expanded groups. */
export interface LayoutView {
  width: number;
  height: number;
  items: LayoutItemView[];
  edges: LayoutEdgeView[];
  /** Groups expanded in this layout. */
  expanded: string[];
  /** Whether edge points are bezier control points rather than a polyline. */
  curve: 'polyline' | 'bezier';
}

/** One graph (the main graph or a subgraph). */
export interface GraphView {
  /** '' for the main graph; see graph-path.ts. */
  path: string;
  name: string;
  /** Breadcrumb trail from the main graph, e.g. ['main', 'Loop_3.body']. */
  trail: { label: string; path: string }[];
  nodes: NodeView[];
  values: ValueView[];
  inputs: number[];
  outputs: number[];
  groups: GroupView[];
  rootGroup: string;
  /** Group id per node index. */
  groupOfNode: string[];
  layout: LayoutView;
}

/** Whole-model facts for the model panel. */
export interface ModelInfoView {
  fileName: string;
  fileBytes: number;
  format: string;
  formatVersion: string;
  producer: string;
  producerVersion: string;
  domain: string;
  modelVersion: number;
  docString: string;
  opsets: { domain: string; version: number }[];
  metadata: [string, string][];
  nodeCount: number;
  nodeCountWithSubgraphs: number;
  /** External-data files the model references. */
  externalFiles: string[];
  warnings: string[];
}

/** Model totals from the analysis. */
export interface TotalsView {
  params: number;
  /** Params minus BatchNorm running statistics. */
  paramsExcludingBuffers: number;
  bufferParams: number;
  macs: number;
  weightBytes: number;
  activationBytes: number;
  macsByOp: [string, number][];
  unresolved: number;
}

/** The page's view of an opened model. */
export interface ModelView {
  info: ModelInfoView;
  totals: TotalsView;
  graph: GraphView;
}

/** Statistics of a tensor's values. */
export interface TensorStatsView {
  name: string;
  dtype: string;
  shape: number[];
  count: number;
  finite: number;
  nan: number;
  inf: number;
  zeros: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** 64 counts over [min, max]. */
  histogram: number[];
}

/** Worker-side timings in milliseconds. */
export interface WorkerTimings {
  parse: number;
  analyze: number;
  tree: number;
  layout: number;
  view: number;
  /** Wall-clock time (timeOrigin + now) when the worker started on the request and when it replied. */
  startedAt?: number;
  repliedAt?: number;
}
