// Runs in: face worker threads. An in-memory rewrite of the published models before their
// sessions load. onnxruntime's CPU PRelu (a per-channel broadcast) costs ~2.4 ns per value, over
// half of the embedding model's time. Two equivalent forms, chosen per model by measurement
// (sessions.ts):
// - 'max':     y = Max(x, a·x). Equal to PRelu bit for bit when the slope a <= 1 (x >= 0:
//              a·x <= x; x < 0: a·x >= x); a layer with a slope above 1 keeps its PRelu. Fastest
//              where the blocked NCHWc layout does not apply (channel counts like 103 or 13).
// - 'blocked': y = x + Conv1x1_depthwise(1 - a)(Relu(Conv1x1_depthwise(-1)(x))). PRelu by algebra
//              (x >= 0: y = x exactly; x < 0: y = x + (1-a)(-x) = a·x) from operators onnxruntime
//              fuses and keeps in the blocked layout, so no layout conversions around it (the Max
//              form costs two). Differs from PRelu by float rounding for negative inputs only.
// The verified file on disk is never changed.
import { onnx } from 'onnx-proto';

export type PReluForm = 'max' | 'blocked';

export interface RewriteReport {
  bytes: Uint8Array;
  /** PRelu nodes replaced / kept (slope not a per-channel float constant, or above 1 for 'max'). */
  replaced: number;
  kept: number;
}

function floatsOf(t: onnx.ITensorProto): Float32Array | null {
  if (t.dataType !== onnx.TensorProto.DataType.FLOAT) return null;
  if (t.rawData && t.rawData.byteLength) {
    const dv = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    return Float32Array.from({ length: t.rawData.byteLength / 4 }, (_, i) => dv.getFloat32(i * 4, true));
  }
  return t.floatData?.length ? Float32Array.from(t.floatData) : null;
}

/** A per-channel slope: shape [C, 1, 1] with C > 1 (what the published models use). */
function perChannel(t: onnx.ITensorProto | undefined): Float32Array | null {
  const dims = (t?.dims ?? []).map(Number);
  if (!t || dims.length !== 3 || dims[1] !== 1 || dims[2] !== 1 || dims[0]! < 2) return null;
  const a = floatsOf(t);
  return a && a.length === dims[0] ? a : null;
}

function floatTensor(name: string, dims: number[], values: ArrayLike<number>): onnx.TensorProto {
  const data = Float32Array.from(values);
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: new Uint8Array(data.buffer),
  });
}

export function rewritePRelu(model: Uint8Array, form: PReluForm): RewriteReport {
  const m = onnx.ModelProto.decode(model);
  const graph = m.graph;
  if (!graph?.node?.some((n) => n.opType === 'PRelu')) return { bytes: model, replaced: 0, kept: 0 };
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name ?? '', t]));
  const nodes: onnx.INodeProto[] = [];
  const added: onnx.ITensorProto[] = [];
  let replaced = 0;
  let kept = 0;
  for (const node of graph.node) {
    const slope = node.opType === 'PRelu' ? perChannel(initializers.get(node.input?.[1] ?? '')) : null;
    if (node.opType !== 'PRelu') nodes.push(node);
    else if (!slope || (form === 'max' && !slope.every((a) => a <= 1))) {
      nodes.push(node);
      kept++;
    } else if (form === 'max') {
      const [x, a] = node.input as [string, string];
      const y = node.output![0]!;
      nodes.push(
        onnx.NodeProto.create({
          opType: 'Mul',
          name: `${y}__prelu_mul`,
          input: [x, a],
          output: [`${y}__prelu_ax`],
        }),
      );
      nodes.push(
        onnx.NodeProto.create({
          opType: 'Max',
          name: `${y}__prelu_max`,
          input: [x, `${y}__prelu_ax`],
          output: [y],
        }),
      );
      replaced++;
    } else {
      const x = node.input![0]!;
      const y = node.output![0]!;
      const c = slope.length;
      const p = `${y}__prelu`;
      const depthwise = [
        onnx.AttributeProto.create({ name: 'group', type: onnx.AttributeProto.AttributeType.INT, i: c }),
        onnx.AttributeProto.create({
          name: 'kernel_shape',
          type: onnx.AttributeProto.AttributeType.INTS,
          ints: [1, 1],
        }),
      ];
      added.push(floatTensor(`${p}_minus1`, [c, 1, 1, 1], new Float32Array(c).fill(-1)));
      added.push(
        floatTensor(
          `${p}_1_minus_a`,
          [c, 1, 1, 1],
          Array.from(slope, (a) => 1 - a),
        ),
      );
      nodes.push(
        onnx.NodeProto.create({
          opType: 'Conv',
          name: `${p}_neg`,
          input: [x, `${p}_minus1`],
          output: [`${p}_neg`],
          attribute: depthwise,
        }),
      );
      nodes.push(
        onnx.NodeProto.create({
          opType: 'Relu',
          name: `${p}_relu`,
          input: [`${p}_neg`],
          output: [`${p}_relu`],
        }),
      );
      nodes.push(
        onnx.NodeProto.create({
          opType: 'Conv',
          name: `${p}_scale`,
          input: [`${p}_relu`, `${p}_1_minus_a`],
          output: [`${p}_scaled`],
          attribute: depthwise,
        }),
      );
      nodes.push(
        onnx.NodeProto.create({ opType: 'Add', name: `${p}_add`, input: [x, `${p}_scaled`], output: [y] }),
      );
      replaced++;
    }
  }
  graph.node = nodes;
  // Drop slope tensors nothing reads any more (onnxruntime would log each one it removes).
  const used = new Set(nodes.flatMap((n) => n.input ?? []));
  graph.initializer = [...(graph.initializer ?? []).filter((t) => used.has(t.name ?? '')), ...added];
  return { bytes: onnx.ModelProto.encode(m).finish(), replaced, kept };
}
