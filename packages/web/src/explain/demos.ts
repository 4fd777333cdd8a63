/** The demo models shipped with the app (public/demo/): CNN Explainer's Tiny VGG and a digits LeNet-5. */

/** A sample input image. */
export interface Sample {
  name: string;
  url: string;
  /** Known label, when the sample has one. */
  label?: string;
}

/** A demo model with its samples. */
export interface Demo {
  id: 'tinyvgg' | 'digits';
  title: string;
  blurb: string;
  modelUrl: string;
  fileName: string;
  samples: Sample[];
  /** Offer the drawing pad (grey digit models). */
  drawPad: boolean;
  credit: string;
}

const base = (): string => import.meta.env.BASE_URL ?? '/';

const TINY = [
  'espresso_1',
  'koala_1',
  'car_1',
  'boat_1',
  'bug_1',
  'bus_1',
  'orange_1',
  'panda_1',
  'pepper_1',
  'pizza_1',
];
const DIGITS = [
  'test000_label2_pred2',
  'test001_label0_pred0',
  'test002_label4_pred4',
  'test003_label9_pred9',
  'test004_label4_pred4',
  'test005_label1_pred1',
  'test006_label2_pred2',
  'test007_label4_pred4',
  'test008_label6_pred6',
  'test058_label5_pred8',
];

/** Every demo, Tiny VGG first. */
export function demos(): Demo[] {
  const b = base();
  return [
    {
      id: 'tinyvgg',
      title: 'Tiny VGG',
      blurb: 'CNN Explainer’s 10-class image classifier, 64×64 RGB',
      modelUrl: `${b}demo/tinyvgg/model.onnx`,
      fileName: 'tinyvgg.onnx',
      samples: TINY.map((n) => ({ name: n.replace(/_1$/, ''), url: `${b}demo/tinyvgg/${n}.jpeg` })),
      drawPad: false,
      credit: 'Model and images: CNN Explainer (Wang et al., 2020), MIT License',
    },
    {
      id: 'digits',
      title: 'Digits LeNet-5',
      blurb: 'Handwritten digits 0–9, 28×28 grey',
      modelUrl: `${b}demo/digits/digits_lenet5.onnx`,
      fileName: 'digits_lenet5.onnx',
      samples: DIGITS.map((n) => ({
        name: n,
        url: `${b}demo/digits/${n}.png`,
        label: /label(\d)/.exec(n)![1]!,
      })),
      drawPad: true,
      credit: 'LeNet-5 trained on scikit-learn’s digits (97.6 % test accuracy)',
    },
  ];
}

/** A demo by id. */
export function demoById(id: string | null): Demo | undefined {
  return demos().find((d) => d.id === id);
}

/** Samples offered for a model: its demo's, else the colour or grey demo images as generic test inputs. */
export function samplesFor(demo: Demo | null, channels: number | undefined): Sample[] {
  if (demo) return demo.samples;
  return demoById(channels === 1 ? 'digits' : 'tinyvgg')!.samples;
}
