/** Decoding of the hparams plugin's HParamsPluginData (experiment, session start, session end). */
import { Cursor, utf8At } from './wire.js';

/** A google.protobuf.Value as plain JSON-like data. */
export type HParamValue = null | number | string | boolean | HParamValue[] | { [k: string]: HParamValue };

/** HParamInfo of an experiment: a hyperparameter's name, type and domain. */
export interface HParamInfo {
  name: string;
  displayName: string;
  description: string;
  /** DataType: 0 unset, 1 string, 2 bool, 3 float64. */
  type: number;
  domainDiscrete?: HParamValue[];
  domainInterval?: [number, number];
}

/** MetricInfo of an experiment: metric (group, tag) and how it is shown. */
export interface MetricInfo {
  group: string;
  tag: string;
  displayName: string;
  description: string;
  /** DatasetType: 0 unknown, 1 training, 2 validation. */
  datasetType: number;
}

/** An hparams Experiment: the declared hyperparameters and metrics. */
export interface HParamsExperiment {
  name: string;
  description: string;
  user: string;
  timeCreatedSecs: number;
  hparamInfos: HParamInfo[];
  metricInfos: MetricInfo[];
}

/** SessionStartInfo: one training session's hyperparameter values. */
export interface SessionStartInfo {
  hparams: Record<string, HParamValue>;
  modelUri: string;
  monitorUrl: string;
  groupName: string;
  startTimeSecs: number;
}

/** SessionEndInfo: status 0 unknown, 1 success, 2 failure, 3 running. */
export interface SessionEndInfo {
  status: number;
  endTimeSecs: number;
}

/** HParamsPluginData: exactly one of the three payloads is set. */
export interface HParamsPluginData {
  version: number;
  experiment?: HParamsExperiment;
  sessionStartInfo?: SessionStartInfo;
  sessionEndInfo?: SessionEndInfo;
}

type FieldFn = (f: number, wt: number, end: number) => void;

// Walks one message: `fn` receives length-delimited fields with their end; it must consume the field.
function each(cur: Cursor, end: number, fn: FieldFn): void {
  const outer = cur.end;
  cur.end = end;
  while (cur.pos < end) {
    const key = cur.uint32();
    const f = key >>> 3;
    const wt = key & 7;
    const e = wt === 2 ? cur.delimitedEnd() : -1;
    const before = cur.pos;
    fn(f, wt, e);
    if (cur.pos === before) {
      if (wt === 2) cur.pos = e;
      else cur.skip(wt);
    }
  }
  cur.end = outer;
}

const str = (cur: Cursor, e: number) => {
  const s = utf8At(cur.buf, cur.pos, e);
  cur.pos = e;
  return s;
};

function readValue(cur: Cursor, end: number): HParamValue {
  let out: HParamValue = null;
  each(cur, end, (f, wt, e) => {
    if (f === 2 && wt === 1) out = cur.double();
    else if (f === 3 && wt === 2) out = str(cur, e);
    else if (f === 4 && wt === 0) out = cur.uint32() !== 0;
    else if (f === 5 && wt === 2) out = readStruct(cur, e);
    else if (f === 6 && wt === 2) out = readList(cur, e);
    else if (f === 1) out = null;
  });
  return out;
}

function readList(cur: Cursor, end: number): HParamValue[] {
  const out: HParamValue[] = [];
  each(cur, end, (f, wt, e) => {
    if (f === 1 && wt === 2) out.push(readValue(cur, e));
  });
  return out;
}

// Struct and map<string, Value> share the wire shape: repeated entries {1: key, 2: Value}.
function readStruct(cur: Cursor, end: number): Record<string, HParamValue> {
  const out: Record<string, HParamValue> = {};
  each(cur, end, (f, wt, e) => {
    if (f !== 1 || wt !== 2) return;
    let k = '';
    let v: HParamValue = null;
    each(cur, e, (f2, wt2, e2) => {
      if (f2 === 1 && wt2 === 2) k = str(cur, e2);
      else if (f2 === 2 && wt2 === 2) v = readValue(cur, e2);
    });
    out[k] = v;
  });
  return out;
}

function readExperiment(cur: Cursor, end: number): HParamsExperiment {
  const x: HParamsExperiment = {
    name: '',
    description: '',
    user: '',
    timeCreatedSecs: 0,
    hparamInfos: [],
    metricInfos: [],
  };
  each(cur, end, (f, wt, e) => {
    if (f === 6 && wt === 2) x.name = str(cur, e);
    else if (f === 1 && wt === 2) x.description = str(cur, e);
    else if (f === 2 && wt === 2) x.user = str(cur, e);
    else if (f === 3 && wt === 1) x.timeCreatedSecs = cur.double();
    else if (f === 4 && wt === 2) {
      const h: HParamInfo = { name: '', displayName: '', description: '', type: 0 };
      each(cur, e, (g, wt2, e2) => {
        if (g === 1 && wt2 === 2) h.name = str(cur, e2);
        else if (g === 2 && wt2 === 2) h.displayName = str(cur, e2);
        else if (g === 3 && wt2 === 2) h.description = str(cur, e2);
        else if (g === 4 && wt2 === 0) h.type = cur.uint32();
        else if (g === 5 && wt2 === 2) h.domainDiscrete = readList(cur, e2);
        else if (g === 6 && wt2 === 2) {
          const iv: [number, number] = [0, 0];
          each(cur, e2, (k, wt3) => {
            if ((k === 1 || k === 2) && wt3 === 1) iv[k - 1] = cur.double();
          });
          h.domainInterval = iv;
        }
      });
      x.hparamInfos.push(h);
    } else if (f === 5 && wt === 2) {
      const m: MetricInfo = { group: '', tag: '', displayName: '', description: '', datasetType: 0 };
      each(cur, e, (g, wt2, e2) => {
        if (g === 1 && wt2 === 2)
          each(cur, e2, (k, wt3, e3) => {
            if (k === 1 && wt3 === 2) m.group = str(cur, e3);
            else if (k === 2 && wt3 === 2) m.tag = str(cur, e3);
          });
        else if (g === 3 && wt2 === 2) m.displayName = str(cur, e2);
        else if (g === 4 && wt2 === 2) m.description = str(cur, e2);
        else if (g === 5 && wt2 === 0) m.datasetType = cur.uint32();
      });
      x.metricInfos.push(m);
    }
  });
  return x;
}

/** Decodes HParamsPluginData from a SummaryMetadata.plugin_data.content. Throws WireError when malformed. */
export function decodeHParamsPluginData(content: Uint8Array): HParamsPluginData {
  const cur = new Cursor(content);
  cur.reset(content, 0, content.length);
  const out: HParamsPluginData = { version: 0 };
  each(cur, content.length, (f, wt, e) => {
    if (f === 1 && wt === 0) out.version = cur.uint32() | 0;
    else if (f === 2 && wt === 2) out.experiment = readExperiment(cur, e);
    else if (f === 3 && wt === 2) {
      const s: SessionStartInfo = {
        hparams: {},
        modelUri: '',
        monitorUrl: '',
        groupName: '',
        startTimeSecs: 0,
      };
      each(cur, e, (g, wt2, e2) => {
        if (g === 1 && wt2 === 2) {
          // One map entry per field occurrence; readStruct expects the enclosing message, so wrap it.
          let k = '';
          let v: HParamValue = null;
          each(cur, e2, (h, wt3, e3) => {
            if (h === 1 && wt3 === 2) k = str(cur, e3);
            else if (h === 2 && wt3 === 2) v = readValue(cur, e3);
          });
          s.hparams[k] = v;
        } else if (g === 2 && wt2 === 2) s.modelUri = str(cur, e2);
        else if (g === 3 && wt2 === 2) s.monitorUrl = str(cur, e2);
        else if (g === 4 && wt2 === 2) s.groupName = str(cur, e2);
        else if (g === 5 && wt2 === 1) s.startTimeSecs = cur.double();
      });
      out.sessionStartInfo = s;
    } else if (f === 4 && wt === 2) {
      const s: SessionEndInfo = { status: 0, endTimeSecs: 0 };
      each(cur, e, (g, wt2) => {
        if (g === 1 && wt2 === 0) s.status = cur.uint32();
        else if (g === 2 && wt2 === 1) s.endTimeSecs = cur.double();
      });
      out.sessionEndInfo = s;
    }
  });
  return out;
}
