/** Test kit: builds tbdump.py's per-file JSON from nnlens' framing and decoders, to compare with *.truth.json. */
import { crc32cJs } from './crc32c.js';
import { sniffFormat } from './convert.js';
import type { EventKind, EventSink } from './event.js';
import { decodeEvent } from './event.js';
import { scanTfRecords, scanVdlRecords } from './framing.js';
import type { HParamValue } from './hparams.js';
import { decodeHParamsPluginData } from './hparams.js';
import type { ValueView } from './summary.js';
import { readAudio, readHisto, readImage, readMetadata } from './summary.js';
import { dtypeName, readTensor } from './tensor.js';
import { decodeVdlRecord, readBytesField, readVdlHistogram, readVdlTagValue } from './visualdl.js';
import { Cursor, utf8At } from './wire.js';

type J = Record<string, unknown>;
const jnum = (x: number | null): number | string | null =>
  x === null
    ? null
    : Number.isNaN(x)
      ? 'NaN'
      : x === Infinity
        ? 'Infinity'
        : x === -Infinity
          ? '-Infinity'
          : x;
const fatal = new TextDecoder('utf-8', { fatal: true });
const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const note = (list: unknown[], item: unknown, limit = 5) => {
  if (!list.some((x) => eq(x, item)) && list.length < limit) list.push(item);
};
// Python's str.isprintable(): no control, format, separator (except ' '), surrogate or unassigned chars.
const printable = (s: string) => /^(?:[^\p{C}\p{Z}]| )*$/u.test(s);

class TagStats {
  kinds: Record<string, number> = {};
  count = 0;
  first: number | null = null;
  last: number | null = null;
  min: number | null = null;
  max: number | null = null;
  prev: number | null = null;
  nonInc = 0;
  dec = 0;
  firstWall: number | null = null;
  lastWall: number | null = null;
  plugin: string | null = null;
  pluginsSeen: string[] = [];
  metadataCount = 0;
  dataClass = 0;
  displayName = '';
  sv = {
    count: 0,
    min: null as number | null,
    max: null as number | null,
    first: null as number | null,
    last: null as number | null,
    sum: 0,
    nonfinite: 0,
  };
  dtypes: string[] = [];
  shapes: unknown[] = [];
  extra: J = {};

  step(step: number, wall: number) {
    this.count++;
    if (this.first === null) [this.first, this.firstWall] = [step, wall];
    if (this.prev !== null) {
      if (step <= this.prev) this.nonInc++;
      if (step < this.prev) this.dec++;
    }
    this.prev = this.last = step;
    this.lastWall = wall;
    this.min = this.min === null ? step : Math.min(this.min, step);
    this.max = this.max === null ? step : Math.max(this.max, step);
  }

  scalar(x: number) {
    const s = this.sv;
    s.count++;
    if (s.first === null) s.first = x;
    s.last = x;
    if (!Number.isFinite(x)) return void s.nonfinite++;
    s.sum += x;
    s.min = s.min === null ? x : Math.min(s.min, x);
    s.max = s.max === null ? x : Math.max(s.max, x);
  }

  json(): J {
    const d: J = {
      kinds: this.kinds,
      count: this.count,
      first_step: this.first,
      last_step: this.last,
      min_step: this.min,
      max_step: this.max,
      non_increasing_steps: this.nonInc,
      decreasing_steps: this.dec,
      first_wall_time: jnum(this.firstWall),
      last_wall_time: jnum(this.lastWall),
      plugin_name: this.plugin,
      metadata_count: this.metadataCount,
    };
    if (this.pluginsSeen.length > 1) d.plugin_names_seen = this.pluginsSeen;
    if (this.dataClass) d.data_class = this.dataClass;
    if (this.displayName) d.display_name = this.displayName;
    const s = this.sv;
    if (s.count)
      d.scalar = {
        count: s.count,
        min: jnum(s.min),
        max: jnum(s.max),
        first: jnum(s.first),
        last: jnum(s.last),
        sum: jnum(s.sum),
        nonfinite: s.nonfinite,
      };
    if (this.dtypes.length) d.dtypes = this.dtypes;
    if (this.shapes.length) d.shapes = this.shapes;
    return { ...d, ...this.extra };
  }
}

const SCALAR_DTYPES = new Set(['DT_FLOAT', 'DT_DOUBLE', 'DT_HALF', 'DT_BFLOAT16', 'DT_INT32', 'DT_INT64']);
const VALUE_KIND_NAME: Record<number, string> = {
  0: 'metadata_only',
  2: 'simple_value',
  3: 'obsolete_old_style_histogram',
  4: 'image',
  5: 'histo',
  6: 'audio',
  8: 'tensor',
};

function hparamsJson(content: Uint8Array): J {
  const h = decodeHParamsPluginData(content);
  const out: J = { version: h.version };
  if (h.experiment) {
    const x = h.experiment;
    out.experiment = {
      hparam_infos: x.hparamInfos.map((i) => ({
        name: i.name,
        type: i.type,
        ...(i.domainDiscrete ? { domain_discrete: i.domainDiscrete as HParamValue[] } : {}),
        ...(i.domainInterval ? { domain_interval: i.domainInterval } : {}),
      })),
      metric_infos: x.metricInfos.map((m) => ({ group: m.group, tag: m.tag })),
      time_created_secs: x.timeCreatedSecs,
    };
  }
  if (h.sessionStartInfo) {
    const s = h.sessionStartInfo;
    out.session_start_info = {
      hparams: s.hparams,
      group_name: s.groupName,
      start_time_secs: s.startTimeSecs,
    };
  }
  if (h.sessionEndInfo)
    out.session_end_info = { status: h.sessionEndInfo.status, end_time_secs: h.sessionEndInfo.endTimeSecs };
  return out;
}

class TruthSink implements EventSink {
  res: J;
  tags = new Map<string, TagStats>();
  firstMeta = new Set<string>();
  buf!: Uint8Array;
  kind: EventKind = 'empty';
  step = 0;
  wall = 0;
  prevStep: number | null = null;

  constructor(res: J) {
    this.res = res;
  }
  tag(name: string) {
    let t = this.tags.get(name);
    if (!t) this.tags.set(name, (t = new TagStats()));
    return t;
  }
  begin(kind: EventKind, step: number, wall: number) {
    const r = this.res;
    [this.kind, this.step, this.wall] = [kind, step, wall];
    if (r.first_wall_time === null) r.first_wall_time = wall;
    r.last_wall_time = wall;
    const ek = r.event_kinds as Record<string, number>;
    ek[kind] = (ek[kind] ?? 0) + 1;
    if (kind === 'summary' || kind === 'tagged_run_metadata') {
      if (this.prevStep !== null && step <= this.prevStep) (r.global_non_increasing_steps as number)++;
      this.prevStep = step;
    }
  }
  fileVersion(v: string) {
    if (this.res.file_version === null) this.res.file_version = v;
  }
  sessionLog(status: number, checkpointPath: string) {
    const l = this.res.session_log as unknown[];
    if (l.length < 20) l.push({ step: this.step, status, checkpoint_path: checkpointPath });
  }
  graph(kind: 'graph_def' | 'meta_graph_def', start: number, end: number) {
    const l = this.res[`${kind}_bytes`] as number[];
    if (l.length < 5) l.push(end - start);
  }
  taggedRunMetadata(ts: number, te: number) {
    const t = this.tag(utf8At(this.buf, ts, te));
    t.kinds.tagged_run_metadata = (t.kinds.tagged_run_metadata ?? 0) + 1;
    t.step(this.step, this.wall);
  }
  end() {}
  value(v: ValueView, cur: Cursor) {
    const b = this.buf;
    const name = utf8At(b, v.tagStart, v.tagEnd);
    const t = this.tag(name);
    if (v.metaStart >= 0) {
      const m = readMetadata(cur.reset(b, v.metaStart, v.metaEnd));
      t.metadataCount++;
      if (m.pluginName !== null) note(t.pluginsSeen, m.pluginName);
      if (!this.firstMeta.has(name)) {
        this.firstMeta.add(name);
        t.plugin = m.pluginName;
        if (m.dataClass) t.dataClass = m.dataClass;
        if (m.displayName && m.displayName !== name) t.displayName = m.displayName;
      }
      if (m.pluginName === 'hparams' && m.content.length) {
        const l = (t.extra.hparams_plugin_data ??= []) as unknown[];
        if (l.length < 3) l.push(hparamsJson(m.content));
      }
    } else this.firstMeta.add(name);
    const kn = VALUE_KIND_NAME[v.kind]!;
    t.kinds[kn] = (t.kinds[kn] ?? 0) + 1;
    t.step(this.step, this.wall);
    cur.reset(b, v.payloadStart, v.payloadEnd);
    if (kn === 'simple_value') t.scalar(v.simpleValue);
    else if (kn === 'histo') {
      const h = readHisto(cur);
      const x = (t.extra.histo ??= {
        bucket_counts: [],
        num_first: null,
        num_last: null,
        min_of_min: null,
        max_of_max: null,
        first_bucket_limits_head: null,
      }) as J;
      note(x.bucket_counts as unknown[], h.bucket.length, 10);
      if (x.num_first === null) {
        x.num_first = h.num;
        x.first_bucket_limits_head = [...h.bucketLimit.subarray(0, 3)].map(jnum);
      }
      x.num_last = h.num;
      x.min_of_min = x.min_of_min === null ? h.min : Math.min(x.min_of_min as number, h.min);
      x.max_of_max = x.max_of_max === null ? h.max : Math.max(x.max_of_max as number, h.max);
      x.sum_of_bucket_counts_last = h.bucket.reduce((a, c) => a + c, 0);
    } else if (kn === 'image') {
      const im = readImage(cur);
      const x = (t.extra.image ??= { sizes: [], formats: [], bytes_total: 0 }) as J;
      note(x.sizes as unknown[], [im.width, im.height, im.colorspace]);
      note(x.formats as unknown[], sniffFormat(b.subarray(im.start, im.end)));
      (x.bytes_total as number) += im.end - im.start;
    } else if (kn === 'audio') {
      const a = readAudio(cur);
      const x = (t.extra.audio ??= { sample_rates: [], content_types: [], bytes_total: 0 }) as J;
      note(x.sample_rates as unknown[], a.sampleRate);
      note(x.content_types as unknown[], a.contentType);
      (x.bytes_total as number) += a.end - a.start;
    } else if (kn === 'tensor') {
      const tv = readTensor(cur);
      const dt = dtypeName(tv.dtype);
      note(t.dtypes, dt);
      note(t.shapes, tv.shape, 8);
      if (tv.values && tv.shape.length === 0 && tv.values.length >= 1 && SCALAR_DTYPES.has(dt))
        t.scalar(tv.values[0]!);
      else if (tv.values && tv.values.length) {
        const x = (t.extra.tensor_values ??= { n_total: 0, min: null, max: null }) as {
          n_total: number;
          min: number | null;
          max: number | null;
        };
        x.n_total += tv.values.length;
        for (const f of tv.values)
          if (Number.isFinite(f)) {
            x.min = x.min === null ? f : Math.min(x.min, f);
            x.max = x.max === null ? f : Math.max(x.max, f);
          }
      }
      if (tv.strings) {
        const x = (t.extra.string_tensor ??= {
          n_elements_first: null,
          bytes_total: 0,
          head: null,
          blob_formats: [],
        }) as J;
        if (x.n_elements_first === null) {
          x.n_elements_first = tv.strings.length;
          x.head = tv.strings.slice(0, 3).map((r) => {
            try {
              const s = fatal.decode(b.subarray(r.start, r.end));
              return printable(s) ? [...s].slice(0, 60).join('') : `<${r.end - r.start} bytes>`;
            } catch {
              return `<${r.end - r.start} bytes>`;
            }
          });
        }
        for (const r of tv.strings) {
          (x.bytes_total as number) += r.end - r.start;
          const f = sniffFormat(b.subarray(r.start, r.end));
          if (f !== 'unknown') note(x.blob_formats as unknown[], f);
        }
      }
    }
  }
}

/** tbdump.py's JSON for a tfevents file, computed with nnlens' scanner and decoders. */
export function dumpTfevents(data: Uint8Array): J {
  const res: J = {
    format: 'tfevents',
    file_size: data.length,
    records: 0,
    crc_failures: 0,
    length_crc_failures: 0,
    truncated_tail_bytes: 0,
    parse_failures: 0,
    file_version: null,
    event_kinds: {},
    session_log: [],
    source_writer: null,
    first_wall_time: null,
    last_wall_time: null,
    global_non_increasing_steps: 0,
    graph_def_bytes: [],
    meta_graph_def_bytes: [],
  };
  const sink = new TruthSink(res);
  sink.buf = data;
  const cur = new Cursor(data);
  const r = scanTfRecords(data, crc32cJs, 2 ** 31, (b, s, e, _pos, ok) => {
    (res.records as number)++;
    if (!ok) return void (res.crc_failures as number)++;
    try {
      decodeEvent(cur.reset(b, s, e), sink);
    } catch {
      (res.parse_failures as number)++;
    }
  });
  if (r.stop === 'truncated') res.truncated_tail_bytes = data.length - r.consumed;
  if (r.stop === 'length_crc') [res.length_crc_failures, res.stopped_at_offset] = [1, r.consumed];
  res.first_wall_time = jnum(res.first_wall_time as number | null);
  res.last_wall_time = jnum(res.last_wall_time as number | null);
  res.tags = Object.fromEntries([...sink.tags.keys()].sort().map((k) => [k, sink.tags.get(k)!.json()]));
  return res;
}

const VDL_NAMES: Record<number, string> = {
  0: 'none',
  4: 'value',
  5: 'image',
  6: 'audio',
  7: 'embeddings',
  8: 'histogram',
  9: 'pr_curve',
  10: 'meta_data',
  11: 'roc_curve',
  12: 'text',
  13: 'hparam',
  14: 'tag_value',
};

/** tbdump.py's JSON for a VisualDL file. */
export function dumpVisualdl(data: Uint8Array): J {
  const res: J = {
    format: 'visualdl',
    framing: 'u64le_length+data (no crc)',
    file_size: data.length,
    records: 0,
    values: 0,
    parse_failures: 0,
    truncated_tail_bytes: 0,
    components: {},
  };
  const tags = new Map<string, TagStats>();
  const cur = new Cursor(data);
  const r = scanVdlRecords(data, 2 ** 31, (b, s, e) => {
    (res.records as number)++;
    try {
      decodeVdlRecord(cur.reset(b, s, e), (v, c) => {
        (res.values as number)++;
        const kind = VDL_NAMES[v.kind]!;
        const comps = res.components as Record<string, number>;
        comps[kind] = (comps[kind] ?? 0) + 1;
        const name = utf8At(b, v.tagStart, v.tagEnd);
        let t = tags.get(name);
        if (!t) tags.set(name, (t = new TagStats()));
        t.kinds[kind] = (t.kinds[kind] ?? 0) + 1;
        t.step(v.step, v.timestampMs / 1000);
        c.reset(b, v.payloadStart, v.payloadEnd);
        if (kind === 'value') t.scalar(v.value);
        else if (kind === 'tag_value') {
          const tv = readVdlTagValue(c);
          t.scalar(tv.value);
          note(t.shapes, utf8At(b, tv.subTagStart, tv.subTagEnd), 20);
        } else if (kind === 'meta_data') {
          const f = readBytesField(c, 1);
          t.displayName = f ? utf8At(b, f.start, f.end) : '';
        } else if (kind === 'histogram') {
          const h = readVdlHistogram(c);
          const x = (t.extra.histogram ??= { bins: [], edges_min: null, edges_max: null }) as J;
          note(x.bins as unknown[], h.hist.length);
          if (h.edges.length) {
            x.edges_min = Math.min(...h.edges, ...(x.edges_min === null ? [] : [x.edges_min as number]));
            x.edges_max = Math.max(...h.edges, ...(x.edges_max === null ? [] : [x.edges_max as number]));
          }
        }
      });
    } catch {
      (res.parse_failures as number)++;
    }
  });
  if (r.stop === 'truncated') res.truncated_tail_bytes = data.length - r.consumed;
  res.tags = Object.fromEntries(
    [...tags.keys()].sort().map((k) => [
      k,
      {
        ...tags.get(k)!.json(),
        first_wall_time_note: 'VisualDL timestamp is int64 milliseconds; shown /1000',
      },
    ]),
  );
  return res;
}
