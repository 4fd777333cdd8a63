/** hparams: plugin data round trip, and sessions assembled from real TF2-API and Keras-callback logs vs truth. */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, describeCorpus, readCorpus, readCorpusJson } from '../../../test/corpus.js';
import type { HParamsPluginData } from './hparams.js';
import { decodeHParamsPluginData } from './hparams.js';
import { encodeHParamsPluginData } from './hparams-encoder.js';
import { EventStore } from './store.js';

describe('HParamsPluginData', () => {
  it('round-trips every field, including nested values', () => {
    const d: HParamsPluginData = {
      version: 0,
      experiment: {
        name: 'exp',
        description: 'd',
        user: 'u',
        timeCreatedSecs: 12.5,
        hparamInfos: [
          { name: 'lr', displayName: 'LR', description: '', type: 3, domainInterval: [0.001, 0.1] },
          { name: 'opt', displayName: '', description: 'x', type: 1, domainDiscrete: ['adam', 'sgd'] },
        ],
        metricInfos: [{ group: 'validation', tag: 'acc', displayName: 'A', description: '', datasetType: 2 }],
      },
    };
    expect(decodeHParamsPluginData(encodeHParamsPluginData(d))).toEqual(d);
    const s: HParamsPluginData = {
      version: 0,
      sessionStartInfo: {
        hparams: { a: 1, b: 'x', c: true, d: null, e: [1, 'y'], f: { g: 2 } },
        modelUri: '',
        monitorUrl: '',
        groupName: 'g',
        startTimeSecs: 3,
      },
    };
    expect(decodeHParamsPluginData(encodeHParamsPluginData(s))).toEqual(s);
  });
});

type T = Record<string, { tags: Record<string, { scalar?: { last: number }; last_step: number }> }>;

/** Loads a corpus sub-directory as a log dir: one run per directory holding event files. */
function loadDir(dir: string, sub: string): EventStore {
  const store = new EventStore();
  const root = corpusPath(`tfevents/${dir}/${sub}`);
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((n) =>
        statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.includes('tfevents') ? [join(d, n)] : [],
      );
  for (const f of walk(root))
    store.addFile(
      relative(root, dirname(f)) || '.',
      f,
      readCorpus(`tfevents/${dir}/${relative(corpusPath(`tfevents/${dir}`), f)}`),
    );
  return store;
}

describeCorpus('hparams sessions from real logs', () => {
  const truth = readCorpusJson<T>('tfevents/Alwaysproblem__tensorboard-review.truth.json');
  const last = (file: string, tag: string) => truth[file]!.tags[tag]!;

  it('TF2 hparams API: experiment in the parent run, session in run-0, metric from its scalar', () => {
    const hp = loadDir('Alwaysproblem__tensorboard-review', 'logs/hparam_tuning').hparams();
    expect(hp.experiments).toHaveLength(1);
    const x = hp.experiments[0]!;
    expect(x.run).toBe('.');
    expect(
      x.experiment.hparamInfos.map((h) => [h.name, h.type, h.domainDiscrete ?? h.domainInterval]),
    ).toEqual([
      ['num_units', 3, [16, 32]],
      ['dropout', 3, [0.1, 0.2]],
      ['optimizer', 1, ['adam', 'sgd']],
    ]);
    const acc = last(
      'logs/hparam_tuning/run-0/events.out.tfevents.1585792155.ezio-virtual-machine.128712.150258.v2',
      'accuracy',
    );
    expect(hp.sessions).toEqual([
      {
        run: 'run-0',
        groupName: '5b97f3c2967245b6fc0ed76a4d1c1f290ff6aaef6e6909d01d6e31ae52828c5b',
        hparams: { dropout: 0.1, num_units: 16, optimizer: 'adam' },
        startTimeSecs: 1585792155.6067445,
        status: null,
        endTimeSecs: null,
        metrics: {
          accuracy: {
            value: acc.scalar!.last,
            step: acc.last_step,
            wallTime: expect.any(Number),
            run: 'run-0',
          },
        },
      },
    ]);
  });

  it('Keras hp.KerasCallback: session start and end, metrics inferred from the validation sub-run', () => {
    const hp = loadDir('Alwaysproblem__tensorboard-review', 'log/text_hp/hparam_tuning').hparams();
    expect(hp.experiments).toEqual([]);
    const s = hp.sessions[0]!;
    expect(s).toMatchObject({
      run: 'run-0',
      hparams: { num_units: 16, optimizers: 'RMSprop' },
      status: 1,
      endTimeSecs: 1585754875.7931206,
    });
    const f =
      'log/text_hp/hparam_tuning/run-0/validation/events.out.tfevents.1585754874.ezio-virtual-machine.111180.1399.v2';
    expect(Object.keys(s.metrics).sort()).toEqual(['validation/epoch_accuracy', 'validation/epoch_loss']);
    expect(s.metrics['validation/epoch_loss']!.value).toBe(last(f, 'epoch_loss').scalar!.last);
  });
});
