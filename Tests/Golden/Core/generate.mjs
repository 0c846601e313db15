// Golden fixtures for the core layers (Dense, Activation, Flatten, Reshape, Dropout at inference, Add, Concatenate).
// Regenerate: cd Tests/Golden && npm install && node Core/generate.mjs
import { tf, rng, uniform, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(1);
const cases = [];
const dense = (units, activation, useBias = true) => ({
  class_name: 'Dense',
  config: { name: 'dense', units, activation, use_bias: useBias },
});
cases.push(runCase('dense_relu_2d', dense(5, 'relu'), tf.layers.dense({ units: 5, activation: 'relu' }), uniform(r, [4, 7])));
cases.push(runCase('dense_linear_no_bias_3d', dense(3, 'linear', false),
  tf.layers.dense({ units: 3, useBias: false }), uniform(r, [2, 3, 6])));
cases.push(runCase('dense_softmax', dense(4, 'softmax'), tf.layers.dense({ units: 4, activation: 'softmax' }), uniform(r, [3, 5])));
cases.push(runCase('concatenate_axis1', { class_name: 'Concatenate', config: { name: 'concatenate', axis: 1 } },
  tf.layers.concatenate({ axis: 1 }), [uniform(r, [2, 3, 4]), uniform(r, [2, 2, 4])]));
cases.push(runCase('add_three', { class_name: 'Add', config: { name: 'add' } },
  tf.layers.add(), [uniform(r, [2, 5]), uniform(r, [2, 5]), uniform(r, [2, 5])]));
cases.push(runCase('activation_tanh', { class_name: 'Activation', config: { name: 'activation', activation: 'tanh' } },
  tf.layers.activation({ activation: 'tanh' }), uniform(r, [3, 4], -2, 2)));
cases.push(runCase('activation_selu', { class_name: 'Activation', config: { name: 'activation', activation: 'selu' } },
  tf.layers.activation({ activation: 'selu' }), uniform(r, [3, 4], -2, 2)));
cases.push(runCase('activation_softplus', { class_name: 'Activation', config: { name: 'activation', activation: 'softplus' } },
  tf.layers.activation({ activation: 'softplus' }), uniform(r, [2, 5], -3, 3)));
cases.push(runCase('flatten_4d', { class_name: 'Flatten', config: { name: 'flatten' } },
  tf.layers.flatten(), uniform(r, [2, 3, 2, 2])));
cases.push(runCase('reshape_inferred_dim', { class_name: 'Reshape', config: { name: 'reshape', target_shape: [3, -1] } },
  tf.layers.reshape({ targetShape: [3, -1] }), uniform(r, [2, 6, 2])));
cases.push(runCase('dropout_inference_is_identity', { class_name: 'Dropout', config: { name: 'dropout', rate: 0.4 } },
  tf.layers.dropout({ rate: 0.4 }), uniform(r, [2, 5])));
writeFixture(new URL('./core.json', import.meta.url).pathname, cases);
