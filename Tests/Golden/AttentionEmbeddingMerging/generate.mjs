// Golden fixtures for Embedding, Masking and the merge layers tfjs has (Add, Multiply, Average, Maximum, Minimum,
// Concatenate, Dot), without input masks: tfjs is Keras 2, whose merge masks differ from Keras 3 (AND instead of OR,
// no masked-value handling), so masked merges are in generate.py (Keras 3 formulas).
// Regenerate: cd Tests/Golden && node AttentionEmbeddingMerging/generate.mjs
import { tf, rng, uniform, integers, json, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(5);
const cases = [];
const layer = (className, config = {}) => ({ class_name: className, config: { name: className.toLowerCase(), ...config } });

// Embedding: int inputs, gradient with respect to the table; index 0 repeats so its gradient rows accumulate.
const embeddingCase = (name, config, tfLayer, input, maskZero) => cases.push(runCase(name,
  layer('Embedding', config), tfLayer, input,
  { outputMasks: [maskZero ? tf.notEqual(input, 0) : null] }));
embeddingCase('embedding_basic', { input_dim: 7, output_dim: 3 },
  tf.layers.embedding({ inputDim: 7, outputDim: 3 }), tf.tensor([[1, 0, 6, 2, 0], [3, 3, 5, 4, 1]], [2, 5], 'int32'), false);
embeddingCase('embedding_mask_zero', { input_dim: 9, output_dim: 4, mask_zero: true },
  tf.layers.embedding({ inputDim: 9, outputDim: 4, maskZero: true }),
  tf.tensor([[5, 2, 8, 0, 0, 0], [1, 7, 7, 3, 6, 0]], [2, 6], 'int32'), true);
embeddingCase('embedding_rank3_indices', { input_dim: 5, output_dim: 2, input_length: 3 },
  tf.layers.embedding({ inputDim: 5, outputDim: 2 }), integers(r, [2, 3, 2], 0, 5), false);

// Masking: all-zero timesteps (and timesteps equal to a non-zero mask value) are zeroed and masked.
const maskingInput = (value) => {
  const x = uniform(r, [2, 4, 3]).arraySync();
  x[0][1] = [value, value, value];
  x[1][3] = [value, value, value];
  x[1][0] = [value, 0.25, value];
  return tf.tensor(x);
};
for (const [name, value] of [['masking_zero', 0], ['masking_value_1_5', 1.5]]) {
  // tfjs has no gradient for the mask computation (Any), so the input gradient is written out: the upstream
  // gradient where the timestep is kept, 0 where it is masked.
  const x = maskingInput(value);
  const keep = tf.any(tf.notEqual(x, value), -1);
  const c = runCase(name, layer('Masking', { mask_value: value }), tf.layers.masking({ maskValue: value }), x,
    { outputMasks: [keep], grads: false });
  const upstream = uniform(r, x.shape);
  c.upstream = [json(upstream)];
  c.input_gradients = [json(tf.mul(upstream, tf.cast(tf.expandDims(keep, -1), 'float32')))];
  c.weight_gradients = [];
  cases.push(c);
}

// Elementwise merges, including broadcasting of a size-1 axis and of a lower-rank input.
const merges = [
  ['add', 'Add', () => tf.layers.add()],
  ['multiply', 'Multiply', () => tf.layers.multiply()],
  ['average', 'Average', () => tf.layers.average()],
  ['maximum', 'Maximum', () => tf.layers.maximum()],
  ['minimum', 'Minimum', () => tf.layers.minimum()],
];
for (const [short, className, make] of merges) {
  cases.push(runCase(`${short}_three_inputs`, layer(className), make(),
    [uniform(r, [2, 3, 4]), uniform(r, [2, 3, 4]), uniform(r, [2, 3, 4])]));
  if (short === 'maximum' || short === 'minimum') continue;  // tfjs' broadcast gradients of these fail; see generate.py
  cases.push(runCase(`${short}_broadcast_size1`, layer(className), make(), [uniform(r, [2, 3, 4]), uniform(r, [2, 1, 4])]));
  cases.push(runCase(`${short}_broadcast_rank`, layer(className), make(), [uniform(r, [3, 2, 5]), uniform(r, [3, 5])]));
}
cases.push(runCase('concatenate_axis_minus1_odd', layer('Concatenate', { axis: -1 }), tf.layers.concatenate({ axis: -1 }),
  [uniform(r, [2, 3, 1]), uniform(r, [2, 3, 4]), uniform(r, [2, 3, 2])]));

// Dot with several axes and with normalization (cosine similarity).
const dot = (name, axes, normalize, shapes) => cases.push(runCase(name,
  layer('Dot', { axes, normalize }), tf.layers.dot({ axes, normalize }), shapes.map(s => uniform(r, s))));
dot('dot_rank2_axis1', 1, false, [[3, 5], [3, 5]]);
dot('dot_rank2_normalize', -1, true, [[3, 4], [3, 4]]);
dot('dot_rank3_axes_1_2', [1, 2], false, [[2, 3, 4], [2, 5, 3]]);
dot('dot_rank3_axes_2_1_normalize', [2, 1], true, [[2, 3, 4], [2, 4, 5]]);
dot('dot_rank3_last_axis', -1, false, [[2, 3, 4], [2, 5, 4]]);
dot('dot_rank3_with_rank2', [2, 1], false, [[2, 3, 4], [2, 4]]);

writeFixture(new URL('./tfjs.json', import.meta.url).pathname, cases);
