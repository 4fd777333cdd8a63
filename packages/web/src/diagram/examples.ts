/** The example specs shipped with @nnlens/diagrams, offered as starting points in the spec editor. */
import lenet5 from '../../../diagrams/examples/lenet5.yaml?raw';
import resnetBlock from '../../../diagrams/examples/resnet-block.json?raw';

/** An example spec. */
export interface SpecExample {
  id: string;
  label: string;
  text: string;
}

/** The examples, the first one the default. */
export const SPEC_EXAMPLES: readonly SpecExample[] = [
  { id: 'lenet5', label: 'LeNet-5 (YAML)', text: lenet5 },
  { id: 'resnet-block', label: 'Two residual blocks (JSON)', text: resnetBlock },
];

/** The example with this id. */
export function exampleById(id: string | null): SpecExample | undefined {
  return SPEC_EXAMPLES.find((e) => e.id === id);
}
