/** Test helper: hand-built ONNX messages (tensors, value infos, nodes, graphs, models) for edge cases. */
import { cat, msg, packedVarints, str, vint, type Bytes } from './proto-writer.test-helper.js';

/** TensorProto fields: dims (packed), data_type, name, then any payload fields. */
export function tensorProto(name: string, dataType: number, dims: number[], ...payload: Bytes[]): Bytes {
  return cat(packedVarints(1, dims), vint(2, dataType), str(8, name), ...payload);
}

/** ValueInfoProto of a tensor type; dims are numbers (dim_value) or strings (dim_param), null = neither. */
export function valueInfo(name: string, elemType: number, dims: (number | string | null)[] | null): Bytes {
  const dimMsgs = (dims ?? []).map((d) =>
    msg(1, ...(d === null ? [] : typeof d === 'number' ? [vint(1, d)] : [str(2, d)])),
  );
  const tensorType = cat(vint(1, elemType), ...(dims ? [msg(2, ...dimMsgs)] : []));
  return cat(str(1, name), msg(2, msg(1, tensorType)));
}

/** NodeProto. */
export function nodeProto(
  op: string,
  inputs: string[],
  outputs: string[],
  name = '',
  ...attrs: Bytes[]
): Bytes {
  return cat(
    ...inputs.map((i) => str(1, i)),
    ...outputs.map((o) => str(2, o)),
    str(3, name),
    str(4, op),
    ...attrs,
  );
}

/** ModelProto around a graph body, with ir_version 8 and opset 17. */
export function modelProto(graphBody: Bytes, ...extra: Bytes[]): Bytes {
  return cat(vint(1, 8), str(2, 'nnlens-test'), msg(7, graphBody), msg(8, str(1, ''), vint(2, 17)), ...extra);
}
