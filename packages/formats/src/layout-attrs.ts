/** Attribute constructors shared by the TensorFlow-family importers, incl. the channels-last and kernel-layout marks the analyzer reads. */
import type { Attribute } from '@nnlens/ir';

/** An int attribute. */
export function intAttr(name: string, value: number): Attribute {
  return { name, kind: 'int', value };
}

/** An ints attribute. */
export function intsAttr(name: string, value: number[]): Attribute {
  return { name, kind: 'ints', value };
}

/** A float attribute. */
export function floatAttr(name: string, value: number): Attribute {
  return { name, kind: 'float', value };
}

/** A floats attribute. */
export function floatsAttr(name: string, value: number[]): Attribute {
  return { name, kind: 'floats', value };
}

/** A string attribute. */
export function stringAttr(name: string, value: string): Attribute {
  return { name, kind: 'string', value };
}

/** A JSON attribute (a Keras layer config, TF attr values without an IR kind). */
export function jsonAttr(name: string, value: unknown): Attribute {
  return { name, kind: 'json', value };
}

/**
 * Marks a Conv/pool/norm node whose activations are [N, spatial…, C] (TensorFlow's NHWC), not ONNX's
 * [N, C, spatial…]. The analyzer reads it as `channels_last` = 1.
 */
export function channelsLastAttr(): Attribute {
  return intAttr('channels_last', 1);
}

/**
 * How a convolution weight is laid out, one letter per axis: O = output channels, I = input channels
 * (per group), M = depth multiplier (I×M outputs, one input channel each), 1 = a unit axis, anything
 * else = a spatial axis in order. Keras/TF Conv 'HWIO', Keras depthwise 'HWIM', Keras transposed
 * 'HWOI', TFLite 'OHWI' and depthwise '1HWO'. ONNX's own layout is 'OIHW'.
 */
export function kernelLayoutAttr(layout: string): Attribute {
  return stringAttr('kernel_layout', layout);
}

/** The format's own name of the operation (Keras class, TF op, TFLite builtin code), kept for viewers. */
export function sourceOpAttr(op: string): Attribute {
  return stringAttr('source_op', op);
}
