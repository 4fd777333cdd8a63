/** Encoding of HParamsPluginData (the writer side of hparams.ts). */
import type { HParamsPluginData, HParamValue } from './hparams.js';
import { ProtoWriter } from './proto-writer.js';

function writeValue(w: ProtoWriter, v: HParamValue): void {
  if (v === null) w.varint(1, 0);
  else if (typeof v === 'number') w.double(2, v);
  else if (typeof v === 'string') w.string(3, v);
  else if (typeof v === 'boolean') w.varint(4, v ? 1 : 0);
  else if (Array.isArray(v)) w.message(6, (l) => v.forEach((x) => l.message(1, (e) => writeValue(e, x))));
  else w.message(5, (s) => writeMap(s, 1, v));
}

function writeMap(w: ProtoWriter, field: number, m: Record<string, HParamValue>): void {
  for (const [k, v] of Object.entries(m))
    w.message(field, (e) => e.string(1, k).message(2, (x) => writeValue(x, v)));
}

/** Serialises HParamsPluginData (for SummaryMetadata.plugin_data.content of plugin 'hparams'). */
export function encodeHParamsPluginData(d: HParamsPluginData): Uint8Array {
  const w = new ProtoWriter();
  if (d.version) w.varint(1, d.version);
  const x = d.experiment;
  if (x)
    w.message(2, (e) => {
      if (x.description) e.string(1, x.description);
      if (x.user) e.string(2, x.user);
      if (x.timeCreatedSecs) e.double(3, x.timeCreatedSecs);
      for (const h of x.hparamInfos)
        e.message(4, (hw) => {
          hw.string(1, h.name);
          if (h.displayName) hw.string(2, h.displayName);
          if (h.description) hw.string(3, h.description);
          if (h.type) hw.varint(4, h.type);
          if (h.domainDiscrete)
            hw.message(5, (l) => h.domainDiscrete!.forEach((v) => l.message(1, (vw) => writeValue(vw, v))));
          else if (h.domainInterval)
            hw.message(6, (iw) => iw.double(1, h.domainInterval![0]).double(2, h.domainInterval![1]));
        });
      for (const m of x.metricInfos)
        e.message(5, (mw) => {
          mw.message(1, (nw) => {
            if (m.group) nw.string(1, m.group);
            nw.string(2, m.tag);
          });
          if (m.displayName) mw.string(3, m.displayName);
          if (m.description) mw.string(4, m.description);
          if (m.datasetType) mw.varint(5, m.datasetType);
        });
      if (x.name) e.string(6, x.name);
    });
  const s = d.sessionStartInfo;
  if (s)
    w.message(3, (sw) => {
      writeMap(sw, 1, s.hparams);
      if (s.modelUri) sw.string(2, s.modelUri);
      if (s.monitorUrl) sw.string(3, s.monitorUrl);
      if (s.groupName) sw.string(4, s.groupName);
      if (s.startTimeSecs) sw.double(5, s.startTimeSecs);
    });
  const en = d.sessionEndInfo;
  if (en)
    w.message(4, (ew) => {
      if (en.status) ew.varint(1, en.status);
      if (en.endTimeSecs) ew.double(2, en.endTimeSecs);
    });
  return w.finish().slice();
}
