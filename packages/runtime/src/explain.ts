/** One entry point for every attribution method: forward, target class, target layer, numbers and a [0,1] heatmap. */
import { nhwcToNchw } from './channels-last.js';
import type { HostTensor } from './host.js';
import { defaultCamLayer, isSpatial, listLayers, resolveLayer, type LayerInfo } from './layers.js';
import type { Session } from './session.js';
import type { BatchOptions } from './attribution/batches.js';
import { gradCam, gradCamPlusPlus, type CamSteps } from './attribution/cam.js';
import { scaleByMax, scaleWithOutliers } from './attribution/display.js';
import {
  inputGradient,
  integratedGradients,
  smoothGrad,
  type IgOptions,
  type SmoothGradOptions,
} from './attribution/gradient-methods.js';
import { absMaxOverChannels, absSumOverChannels, minmax } from './attribution/maps.js';
import { occlusion, type OcclusionOptions } from './attribution/occlusion.js';

/** Attribution methods. */
export type AttributionMethod = 'gradcam' | 'gradcampp' | 'saliency' | 'smoothgrad' | 'ig' | 'occlusion';

/** Every method, in menu order. */
export const METHODS: AttributionMethod[] = [
  'gradcam',
  'gradcampp',
  'saliency',
  'smoothgrad',
  'ig',
  'occlusion',
];

/** Options of explain(). */
export interface ExplainOptions extends BatchOptions {
  method: AttributionMethod;
  /** Class (flat output index); default the argmax of the first output. */
  target?: number;
  /** CAM layer: value name, node name or label; default the last conv block's activation. */
  layer?: string;
  /** Saliency and SmoothGrad channel reduction (default 'absmax'). */
  reduce?: 'absmax' | 'abssum';
  smoothGrad?: SmoothGradOptions;
  ig?: IgOptions;
  occlusion?: OcclusionOptions;
}

/** An attribution with its numbers. */
export interface Explanation {
  method: AttributionMethod;
  /** The explained class. */
  target: number;
  /** First output of the unperturbed input (logits or probabilities, as the model gives them). */
  output: Float32Array;
  /** The CAM layer, for CAM methods. */
  layer?: LayerInfo;
  /** Input spatial size [H, W]. */
  size: [number, number];
  /** Display map in [0, 1], H×W. */
  heatmap: Float32Array;
  /** The method's own numbers (CAM map [1,H,W], gradient/IG [1,C,H,W], occlusion [1,H,W]). */
  values: HostTensor;
  /** Other arrays of the method by name (smoothgrad_sq, ig_mean_grad, saliency_absmax, …). */
  extras: Record<string, HostTensor>;
  /** Every CAM step (weights, raw, low-res, upsampled). */
  cam?: CamSteps;
}

function argmax(x: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i]! > x[best]!) best = i;
  return best;
}

function batchOf(o: ExplainOptions): BatchOptions {
  const out: BatchOptions = {};
  if (o.batchSize !== undefined) out.batchSize = o.batchSize;
  if (o.onProgress) out.onProgress = o.onProgress;
  if (o.signal) out.signal = o.signal;
  return out;
}

function spatialSize(x: HostTensor, cl: boolean): [number, number] {
  if (x.shape.length !== 4)
    throw new RangeError(`attributions need an image-like [1,C,H,W] input, got [${x.shape}]`);
  return cl ? [x.shape[1]!, x.shape[2]!] : [x.shape[2]!, x.shape[3]!];
}

/** Runs `method` on `input` ([1,C,H,W] float32). */
export async function explain(
  session: Session,
  input: HostTensor,
  options: ExplainOptions,
): Promise<Explanation> {
  const inputName = session.inputs[0]!.name;
  // Channels-last models (Keras, TF.js, TFLite) take [1, H, W, C]; maps are computed channels first.
  const cl = session.program.channelsLast.has(inputName);
  const size = spatialSize(input, cl);
  const [c, hw] = [cl ? input.shape[3]! : input.shape[1]!, size[0] * size[1]];
  const nchw = (g: Float32Array): Float32Array =>
    cl ? (nhwcToNchw({ dtype: 'float32', shape: input.shape, data: g }).data as Float32Array) : g;
  const feeds = { [inputName]: input };
  const cams = options.method === 'gradcam' || options.method === 'gradcampp';
  const trace = session.run(feeds, { keep: cams ? 'all' : 'outputs' });
  try {
    const output = Float32Array.from(trace.read(session.outputs[0]!).data);
    const target = options.target ?? argmax(output);
    if (!Number.isInteger(target) || target < 0 || target >= output.length / input.shape[0]!) {
      throw new RangeError(`class ${target} is outside the model's ${output.length} outputs`);
    }
    const base = { method: options.method, target, output, size, extras: {} as Record<string, HostTensor> };
    const img = (data: Float32Array): HostTensor => ({
      dtype: 'float32',
      shape: [1, size[0], size[1]],
      data,
    });
    const full = (data: Float32Array): HostTensor => ({ dtype: 'float32', shape: input.shape.slice(), data });
    const reduce = (g: Float32Array): Float32Array =>
      options.reduce === 'abssum' ? absSumOverChannels(nchw(g), c, hw) : absMaxOverChannels(nchw(g), c, hw);
    switch (options.method) {
      case 'gradcam':
      case 'gradcampp': {
        const layers = listLayers(session.program, trace);
        const layer = options.layer ? resolveLayer(layers, options.layer) : defaultCamLayer(layers);
        if (!layer) throw new RangeError('the model has no spatial [N,C,H,W] layer for a CAM');
        if (!isSpatial(layer))
          throw new RangeError(`layer '${layer.label}' has shape [${layer.shape}], not [N,C,H,W]`);
        const A = trace.readNchw(layer.value);
        const g = session.gradient(trace, layer.value, { index: target }).grad;
        const G = layer.channelsLast ? nhwcToNchw(g) : g;
        const cam = options.method === 'gradcam' ? gradCam(A, G, size) : gradCamPlusPlus(A, G, size);
        const extras = { activation: A, gradient: G };
        return { ...base, layer, heatmap: cam.map, values: img(cam.map), cam, extras };
      }
      case 'saliency': {
        const g = inputGradient(session, input, target);
        const absmax = absMaxOverChannels(nchw(g), c, hw);
        const abssum = absSumOverChannels(nchw(g), c, hw);
        const extras = { saliency_absmax: img(absmax), saliency_abssum: img(abssum) };
        return {
          ...base,
          heatmap: scaleByMax(options.reduce === 'abssum' ? abssum : absmax),
          values: full(g),
          extras,
        };
      }
      case 'smoothgrad': {
        const sg = await smoothGrad(session, input, target, { ...batchOf(options), ...options.smoothGrad });
        const extras = {
          smoothgrad_sq: full(sg.meanSquare),
          smoothgrad_absmax: img(absMaxOverChannels(nchw(sg.mean), c, hw)),
        };
        return { ...base, heatmap: scaleByMax(reduce(sg.mean)), values: full(sg.mean), extras };
      }
      case 'ig': {
        const ig = await integratedGradients(session, input, target, { ...batchOf(options), ...options.ig });
        const heat = scaleWithOutliers(absSumOverChannels(nchw(ig.attribution), c, hw));
        return {
          ...base,
          heatmap: heat,
          values: full(ig.attribution),
          extras: { ig_mean_grad: full(ig.meanGrad) },
        };
      }
      case 'occlusion': {
        const occ = await occlusion(session, input, target, {
          ...batchOf(options),
          channelsLast: cl,
          ...options.occlusion,
        });
        return { ...base, heatmap: minmax(occ.map), values: img(occ.map), extras: {} };
      }
    }
  } finally {
    trace.dispose();
  }
}
