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
/** Attribution entry point and method list. */
export { explain, METHODS } from './explain.js';
export type { AttributionMethod, ExplainOptions, Explanation } from './explain.js';
/** Grad-CAM / Grad-CAM++ from saved activations and gradients, every step kept. */
export { finishCam, gradCam, gradCamPlusPlus, weightedSum } from './attribution/cam.js';
export type { CamSteps, FeatureMaps } from './attribution/cam.js';
/** pytorch-grad-cam's min-max scaling, ReLU, half-pixel bilinear resize, channel reductions. */
export { absMaxOverChannels, absSumOverChannels, minmax, relu, resizeBilinear } from './attribution/maps.js';
/** Gradient methods: saliency gradient, SmoothGrad, Integrated Gradients. */
export { inputGradient, integratedGradients, smoothGrad } from './attribution/gradient-methods.js';
export type { IgOptions, SmoothGradOptions } from './attribution/gradient-methods.js';
/** IG integration rules (captum's). */
export { gaussLegendre, igSteps } from './attribution/quadrature.js';
export type { IgMethod } from './attribution/quadrature.js';
/** Occlusion with captum semantics. */
export { occlusion, windowStarts } from './attribution/occlusion.js';
export type { OcclusionOptions } from './attribution/occlusion.js';
/** Batching, progress and cancellation of many-pass methods. */
export type { BatchOptions } from './attribution/batches.js';
/** Heatmap scaling for display. */
export { scaleByMax, scaleWithOutliers } from './attribution/display.js';
/** Seeded Gaussian noise. */
export { gaussianNoise } from './attribution/random.js';
/** Layers with friendly names and the default CAM layer. */
export { defaultCamLayer, isSpatial, layerLabel, listLayers, resolveLayer } from './layers.js';
export type { LayerInfo, LayerKind } from './layers.js';
/** NumPy .npy files. */
export { NpyError, readNpy, writeNpy } from './npy.js';
export type { NpyArray } from './npy.js';
/** RGBA images, resizing and centre crops. */
export { blankImage, centerSquare, resizeRgba } from './image/rgba.js';
export type { RgbaImage } from './image/rgba.js';
/** Image → input tensor and back; preprocessing inferred from the model. */
export {
  IMAGENET_MEAN,
  IMAGENET_STD,
  imageToInput,
  inferPreprocess,
  inputToImage,
} from './image/preprocess.js';
export type { Preprocess } from './image/preprocess.js';
/** Colour maps, heatmap colouring and overlays. */
export { colorAt, colorize, colorTable, overlay } from './image/colormap.js';
export type { ColormapName } from './image/colormap.js';
/** Feature-map pictures with CNN Explainer's colour-range modes. */
export { absMax, channelRanges, featureGrid, mapImage } from './image/feature-grid.js';
export type { GridOptions, ScaleMode } from './image/feature-grid.js';
/** Class labels. */
export { builtinLabels, DIGIT_CLASSES, labelOf, parseLabels, TINY_VGG_CLASSES } from './labels.js';
/** Seeded random weights for structure-only models. */
export { fillRandomWeights } from './random-weights.js';
/** Explain benchmark (forward with all taps, Grad-CAM, saliency). */
export { benchExplain } from './bench.js';
export type { BenchCase, BenchResult } from './bench.js';
/** A layer's weights in ONNX order. */
export { layerWeights } from './weights.js';
/** Channels-last (Keras/TF.js/TFLite) layout helpers. */
export { channelsLastValues, nchwToNhwc, nhwcToNchw } from './channels-last.js';
