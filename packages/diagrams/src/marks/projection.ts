/** Our own orthographic camera for 3D marks: world (x right, y up, z towards the viewer) → SVG points. */

/** A point in world space. */
export type Vec3 = [number, number, number];

/** An orthographic camera turned by azimuth (about y) then elevation (about x), in degrees. */
export interface Camera {
  /** Screen point of a world point. */
  project(p: Vec3): [number, number];
  /** Depth of a world point: larger is nearer the viewer. */
  depth(p: Vec3): number;
  /** True when a face with this outward normal faces the viewer. */
  facing(normal: Vec3): boolean;
}

/**
 * Builds the camera. With `level` the image is sheared so the world x axis (the network's
 * direction) stays horizontal and verticals stay vertical, as in PlotNeuralNet figures; a shear
 * is affine, so what hides what is unchanged.
 */
export function camera(azimuthDeg: number, elevationDeg: number, level = true): Camera {
  const a = (azimuthDeg * Math.PI) / 180;
  const e = (elevationDeg * Math.PI) / 180;
  const [ca, sa, ce, se] = [Math.cos(a), Math.sin(a), Math.cos(e), Math.sin(e)];
  const rot = (p: Vec3): Vec3 => {
    const x1 = p[0] * ca + p[2] * sa;
    const z1 = -p[0] * sa + p[2] * ca;
    return [x1, p[1] * ce - z1 * se, p[1] * se + z1 * ce];
  };
  const ax = rot([1, 0, 0]);
  const slope = level && Math.abs(ax[0]) > 1e-6 ? -ax[1] / ax[0] : 0;
  return {
    project: (p) => {
      const r = rot(p);
      return [r[0], -r[1] - slope * r[0]];
    },
    depth: (p) => rot(p)[2],
    facing: (n) => rot(n)[2] > 1e-9,
  };
}

/** Faces of an axis-aligned box from `min` to `max`: corner lists (counter-clockwise) with normals. */
export function boxFaces(min: Vec3, max: Vec3): { name: string; normal: Vec3; corners: Vec3[] }[] {
  const [x0, y0, z0] = min;
  const [x1, y1, z1] = max;
  return [
    {
      name: 'front',
      normal: [0, 0, 1],
      corners: [
        [x0, y0, z1],
        [x1, y0, z1],
        [x1, y1, z1],
        [x0, y1, z1],
      ],
    },
    {
      name: 'back',
      normal: [0, 0, -1],
      corners: [
        [x0, y0, z0],
        [x0, y1, z0],
        [x1, y1, z0],
        [x1, y0, z0],
      ],
    },
    {
      name: 'top',
      normal: [0, 1, 0],
      corners: [
        [x0, y1, z0],
        [x0, y1, z1],
        [x1, y1, z1],
        [x1, y1, z0],
      ],
    },
    {
      name: 'bottom',
      normal: [0, -1, 0],
      corners: [
        [x0, y0, z0],
        [x1, y0, z0],
        [x1, y0, z1],
        [x0, y0, z1],
      ],
    },
    {
      name: 'right',
      normal: [1, 0, 0],
      corners: [
        [x1, y0, z0],
        [x1, y1, z0],
        [x1, y1, z1],
        [x1, y0, z1],
      ],
    },
    {
      name: 'left',
      normal: [-1, 0, 0],
      corners: [
        [x0, y0, z0],
        [x0, y0, z1],
        [x0, y1, z1],
        [x0, y1, z0],
      ],
    },
  ];
}
