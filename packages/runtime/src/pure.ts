/** @nnlens/runtime/pure — the parts without tfjs (images, colours, labels, maps, .npy) for page code and tools. */
/** Attribution method names. */
export { METHODS } from './methods.js';
export type { AttributionMethod } from './methods.js';
export type { HostDType, HostTensor } from './host.js';
/** Grad-CAM / Grad-CAM++ from saved activations and gradients. */
export { finishCam, gradCam, gradCamPlusPlus } from './attribution/cam.js';
export type { CamSteps, FeatureMaps } from './attribution/cam.js';
/** Map post-processing. */
export { absMaxOverChannels, absSumOverChannels, minmax, relu, resizeBilinear } from './attribution/maps.js';
/** Heatmap scaling for display. */
export { scaleByMax, scaleWithOutliers } from './attribution/display.js';
/** NumPy .npy files. */
export { NpyError, readNpy, writeNpy } from './npy.js';
/** RGBA images. */
export { blankImage, centerSquare, resizeRgba } from './image/rgba.js';
export type { RgbaImage } from './image/rgba.js';
/** Preprocessing. */
export {
  IMAGENET_MEAN,
  IMAGENET_STD,
  imageToInput,
  inferPreprocess,
  inputToImage,
} from './image/preprocess.js';
export type { Preprocess } from './image/preprocess.js';
/** Colour maps and overlays. */
export { colorAt, colorize, colorTable, overlay } from './image/colormap.js';
export type { ColormapName } from './image/colormap.js';
/** Feature-map pictures. */
export { absMax, channelRanges, featureGrid, mapImage } from './image/feature-grid.js';
export type { GridOptions, ScaleMode } from './image/feature-grid.js';
/** Class labels. */
export { builtinLabels, DIGIT_CLASSES, labelOf, parseLabels, TINY_VGG_CLASSES } from './labels.js';
export type { LayerKind } from './layers.js';
