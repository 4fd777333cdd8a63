/** The attribution methods by name (no tfjs here: page code imports this). */

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
