/** A 3D box drawn through the camera: its visible faces shaded from one colour, optional outline of hidden edges. */
import type { Canvas } from '../svg/canvas.js';
import { el, type SvgElement } from '../svg/element.js';
import { polygon } from '../svg/path.js';
import { shade } from '../styles/palette.js';
import { boxFaces, type Camera, type Vec3 } from './projection.js';

/** Paint of a cuboid. */
export interface CuboidPaint {
  fill: string;
  opacity: number;
  stroke: string;
  strokeWidth: number;
  className?: string;
}

/** Face shading: the top is lightest, the side darkest, like a light from the upper left. */
const FACE_SHADE: Record<string, number> = {
  front: 1,
  back: 1,
  top: 1.25,
  bottom: 0.75,
  right: 0.82,
  left: 0.82,
};

/** The SVG group of a box's visible faces. */
export function cuboid(cam: Camera, min: Vec3, max: Vec3, paint: CuboidPaint): SvgElement {
  const faces = boxFaces(min, max).filter((f) => cam.facing(f.normal));
  return el(
    'g',
    { class: paint.className ?? 'cuboid', opacity: paint.opacity < 1 ? paint.opacity : undefined },
    faces.map((f) =>
      el('path', {
        d: polygon(f.corners.map((c) => cam.project(c))),
        fill: shade(paint.fill, FACE_SHADE[f.name]!),
        stroke: paint.stroke,
        'stroke-width': paint.strokeWidth,
        'stroke-linejoin': 'round',
      }),
    ),
  );
}

/** Grows the canvas extent by a box's eight projected corners. */
export function includeBox(canvas: Canvas, cam: Camera, min: Vec3, max: Vec3): void {
  for (const x of [min[0], max[0]]) {
    for (const y of [min[1], max[1]]) {
      for (const z of [min[2], max[2]]) {
        const [sx, sy] = cam.project([x, y, z]);
        canvas.include(sx, sy);
      }
    }
  }
}

/** Screen bounding box of a world box. */
export function projectedBounds(
  cam: Camera,
  min: Vec3,
  max: Vec3,
): { x0: number; y0: number; x1: number; y1: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of [min[0], max[0]]) {
    for (const y of [min[1], max[1]]) {
      for (const z of [min[2], max[2]]) {
        const [sx, sy] = cam.project([x, y, z]);
        [x0, y0, x1, y1] = [Math.min(x0, sx), Math.min(y0, sy), Math.max(x1, sx), Math.max(y1, sy)];
      }
    }
  }
  return { x0, y0, x1, y1 };
}
