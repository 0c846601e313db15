// Shared helpers for the tfjs fixture generators (see README.md). Deterministic: inputs and weights come from a
// seeded generator, so regenerating gives the same files.
import * as tf from '@tensorflow/tfjs';
import { writeFileSync, renameSync } from 'node:fs';

export { tf };

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float tensor of `shape` with values uniform in [lo, hi). */
export function uniform(random, shape, lo = -1, hi = 1) {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = lo + (hi - lo) * random();
  return tf.tensor(data, shape, 'float32');
}

/** An int tensor of `shape` with values in [lo, hi). */
export function integers(random, shape, lo, hi) {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Int32Array(n);
  for (let i = 0; i < n; i++) data[i] = lo + Math.floor((hi - lo) * random());
  return tf.tensor(data, shape, 'int32');
}

/** The fixture form of a tensor: {shape, data[, dtype]}. Floats keep 9 significant digits (exact float32). */
export function json(t, name) {
  const data = Array.from(t.dataSync(), v => (t.dtype === 'float32' ? Number(v.toPrecision(9)) : Number(v)));
  const o = { shape: t.shape, data };
  if (t.dtype !== 'float32') o.dtype = t.dtype === 'bool' ? 'bool' : 'int64';
  if (name !== undefined) o.name = name;
  return o;
}

/** Keras weight names from tfjs' ("conv2d_1/kernel" → "kernel"; RNN cells "lstm/lstm_cell/kernel" → "kernel"). */
function shortName(w) {
  const parts = w.name.split('/');
  return parts[parts.length - 1].replace(/_\d+$/, '');
}

/**
 * Runs `layer` (a tfjs layer, not yet built) on `inputs` and returns a fixture case.
 * kerasLayer: {class_name, config} in Keras JSON (snake_case), read by Keras.Net's registry.
 * opts.training: the training flag; opts.grads (default true): also record gradients of sum(output * upstream);
 * opts.masks: input masks (tf bool tensors or null); opts.weights: function(layer) that sets weights after build
 * (defaults to deterministic uniform values in [-0.5, 0.5)); opts.weightsAfter: record weights after the call.
 */
export function runCase(name, kerasLayer, layer, inputs, opts = {}) {
  const random = rng(opts.seed ?? 7);
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const applyInputs = list.length === 1 ? list[0] : list;
  layer.build(list.length === 1 ? list[0].shape : list.map(t => t.shape));
  if (opts.weights) opts.weights(layer, random);
  else if (layer.weights.length > 0) {
    layer.setWeights(layer.weights.map(w => (w.dtype === 'float32' ? uniform(random, w.shape, -0.5, 0.5) : w.read())));
  }
  const weights = layer.weights.map(w => json(w.read(), shortName(w)));
  const kwargs = { training: opts.training ?? false };
  if (opts.masks) kwargs.mask = list.length === 1 ? opts.masks[0] : opts.masks;
  const out = layer.apply(applyInputs, kwargs);
  const outputs = Array.isArray(out) ? out : [out];
  const c = { name, layer: kerasLayer, inputs: list.map(t => json(t)), weights, training: kwargs.training };
  if (opts.masks) c.input_masks = opts.masks.map(m => (m ? json(tf.cast(m, 'float32')) : null));
  if (list.length === 1 && outputs.length > 1) c.multi_output = true;
  c.outputs = outputs.map(t => json(t));
  if (opts.outputMasks) c.output_masks = opts.outputMasks.map(m => (m ? json(tf.cast(m, 'float32')) : null));
  if (opts.weightsAfter) c.weights_after = layer.weights.map(w => json(w.read()));
  if (opts.grads !== false) {
    const upstream = outputs.map(t => uniform(random, t.shape));
    const floatInputs = list.filter(t => t.dtype === 'float32').map(t => tf.variable(t.clone()));
    const trainable = layer.trainableWeights.map(w => w.read());
    const f = () => {
      let k = 0;
      const xs = list.map(t => (t.dtype === 'float32' ? floatInputs[k++] : t));
      const y = layer.apply(xs.length === 1 ? xs[0] : xs, kwargs);
      const ys = Array.isArray(y) ? y : [y];
      return ys.map((t, i) => tf.sum(tf.mul(t, upstream[i]))).reduce((a, b) => tf.add(a, b));
    };
    const { grads } = tf.variableGrads(f, [...floatInputs, ...trainable]);
    c.upstream = upstream.map(t => json(t));
    c.input_gradients = floatInputs.map(v => json(grads[v.name]));
    const trainableNames = new Set(trainable.map(v => v.name));
    c.weight_gradients = layer.weights.map(w => (trainableNames.has(w.read().name) ? json(grads[w.read().name]) : null));
  }
  if (opts.rtol) c.rtol = opts.rtol;
  return c;
}

/** Writes {generator, cases} atomically. */
export function writeFixture(path, cases) {
  const body = JSON.stringify({ generator: `@tensorflow/tfjs ${tf.version.tfjs}`, cases }) + '\n';
  writeFileSync(path + '.tmp', body);
  renameSync(path + '.tmp', path);
  console.log(`${path}: ${cases.length} cases`);
}
