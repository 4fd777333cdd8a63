/** Conv and its input gradient against a direct loop over the ONNX definition (strides, pads, dilations, groups). */
import { describe, expect, it } from 'vitest';
import { runOp, values, vjp } from './op-test.test-helper.js';

interface Geo {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  k: [number, number];
  s: [number, number];
  d: [number, number];
  p: [number, number, number, number];
  g: number;
}

/** y[n,o,i,j] = b[o] + Σ x[n, gc, i·s−p+a·d, j·s−p+e·d] · W[o, c, a, e] (ONNX Conv, written out). */
function refConv(x: number[], W: number[], b: number[], q: Geo): { y: number[]; shape: number[] } {
  const cg = q.c / q.g;
  const og = q.o / q.g;
  const ho = Math.floor((q.h + q.p[0] + q.p[2] - (q.k[0] - 1) * q.d[0] - 1) / q.s[0]) + 1;
  const wo = Math.floor((q.w + q.p[1] + q.p[3] - (q.k[1] - 1) * q.d[1] - 1) / q.s[1]) + 1;
  const y = new Array<number>(q.n * q.o * ho * wo).fill(0);
  for (let n = 0; n < q.n; n++)
    for (let o = 0; o < q.o; o++)
      for (let i = 0; i < ho; i++)
        for (let j = 0; j < wo; j++) {
          let acc = b[o] ?? 0;
          const grp = Math.floor(o / og);
          for (let c = 0; c < cg; c++)
            for (let a = 0; a < q.k[0]; a++)
              for (let e = 0; e < q.k[1]; e++) {
                const r = i * q.s[0] - q.p[0] + a * q.d[0];
                const t = j * q.s[1] - q.p[1] + e * q.d[1];
                if (r < 0 || r >= q.h || t < 0 || t >= q.w) continue;
                acc +=
                  x[((n * q.c + grp * cg + c) * q.h + r) * q.w + t]! *
                  W[((o * cg + c) * q.k[0] + a) * q.k[1] + e]!;
              }
          y[((n * q.o + o) * ho + i) * wo + j] = acc;
        }
  return { y, shape: [q.n, q.o, ho, wo] };
}

/** dL/dx for L = Σ w·y, by the same loop. */
function refConvGrad(W: number[], wy: number[], q: Geo, ho: number, wo: number): number[] {
  const cg = q.c / q.g;
  const og = q.o / q.g;
  const dx = new Array<number>(q.n * q.c * q.h * q.w).fill(0);
  for (let n = 0; n < q.n; n++)
    for (let o = 0; o < q.o; o++)
      for (let i = 0; i < ho; i++)
        for (let j = 0; j < wo; j++) {
          const gy = wy[((n * q.o + o) * ho + i) * wo + j]!;
          const grp = Math.floor(o / og);
          for (let c = 0; c < cg; c++)
            for (let a = 0; a < q.k[0]; a++)
              for (let e = 0; e < q.k[1]; e++) {
                const r = i * q.s[0] - q.p[0] + a * q.d[0];
                const t = j * q.s[1] - q.p[1] + e * q.d[1];
                if (r < 0 || r >= q.h || t < 0 || t >= q.w) continue;
                dx[((n * q.c + grp * cg + c) * q.h + r) * q.w + t] +=
                  gy * W[((o * cg + c) * q.k[0] + a) * q.k[1] + e]!;
              }
        }
  return dx;
}

const CASES: [string, Geo][] = [
  ['3×3 valid', { n: 1, c: 2, h: 6, w: 5, o: 3, k: [3, 3], s: [1, 1], d: [1, 1], p: [0, 0, 0, 0], g: 1 }],
  [
    'stride 2, asymmetric pads',
    { n: 1, c: 2, h: 7, w: 6, o: 2, k: [3, 2], s: [2, 2], d: [1, 1], p: [1, 0, 2, 1], g: 1 },
  ],
  [
    'dilation 2, pad 2',
    { n: 1, c: 1, h: 7, w: 7, o: 2, k: [3, 3], s: [1, 1], d: [2, 2], p: [2, 2, 2, 2], g: 1 },
  ],
  ['groups 2', { n: 1, c: 4, h: 5, w: 5, o: 6, k: [3, 3], s: [1, 1], d: [1, 1], p: [1, 1, 1, 1], g: 2 }],
  [
    'depthwise, stride 2',
    { n: 1, c: 3, h: 6, w: 6, o: 3, k: [3, 3], s: [2, 2], d: [1, 1], p: [1, 1, 1, 1], g: 3 },
  ],
  [
    'depthwise × 2 multiplier',
    { n: 1, c: 2, h: 5, w: 4, o: 4, k: [3, 3], s: [1, 1], d: [1, 1], p: [1, 1, 1, 1], g: 2 },
  ],
  [
    '1×1 stride 3 (rows never read)',
    { n: 1, c: 2, h: 7, w: 5, o: 2, k: [1, 1], s: [3, 3], d: [1, 1], p: [0, 0, 0, 0], g: 1 },
  ],
];

describe('Conv', () => {
  for (const [name, q] of CASES) {
    it(`${name}: forward and input gradient equal the definition`, async () => {
      const x = values(q.n * q.c * q.h * q.w, 3);
      const W = values((q.o * q.c * q.k[0] * q.k[1]) / q.g, 7);
      const b = values(q.o, 11);
      const attrs = {
        kernel_shape: q.k,
        strides: q.s,
        dilations: q.d,
        pads: [q.p[0], q.p[1], q.p[2], q.p[3]],
        group: q.g,
      };
      const operands = [
        { shape: [q.n, q.c, q.h, q.w], data: x },
        { shape: [q.o, q.c / q.g, ...q.k], data: W, constant: true },
        { shape: [q.o], data: b, constant: true },
      ];
      const [y] = await runOp('Conv', operands, attrs);
      const want = refConv(x, W, b, q);
      expect(y!.shape).toEqual(want.shape);
      y!.data.forEach((v, i) => expect(v).toBeCloseTo(want.y[i]!, 5));
      const wy = values(want.y.length, 5);
      const got = await vjp('Conv', operands, attrs, wy);
      const dx = refConvGrad(W, wy, q, want.shape[2]!, want.shape[3]!);
      got.forEach((v, i) => expect(v).toBeCloseTo(dx[i]!, 4));
    });
  }

  it('1-D Conv with auto_pad SAME_UPPER', async () => {
    const x = [1, 2, 3, 4, 5];
    const [y] = await runOp(
      'Conv',
      [
        { shape: [1, 1, 5], data: x },
        { shape: [1, 1, 3], data: [1, 1, 1], constant: true },
      ],
      {
        kernel_shape: [3],
        auto_pad: 'SAME_UPPER',
        strides: [2],
      },
    );
    // Output 3 = ceil(5/2); total pad 2 → 1 before, 1 after: windows [0,1,2], [2,3,4], [4,5,0].
    expect(y).toEqual({ shape: [1, 1, 3], data: [3, 9, 9] });
  });
});
