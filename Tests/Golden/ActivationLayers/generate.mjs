// Golden fixtures for the activation layers (ReLU, LeakyReLU, PReLU, ELU, Softmax) from tfjs (Keras 2 semantics).
// tfjs lacks ReLU's negative_slope/threshold, ELU with alpha != 1 and Softmax
// on a non-last axis, with masks or over several axes: those cases come
// from generate.py (Keras 3 formulas, float64 PyTorch).
// Regenerate: cd Tests/Golden && npm install && node ActivationLayers/generate.mjs
import { tf, rng, uniform, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(3);
const cases = [];
const layer = (class_name, config) => ({ class_name, config: { name: class_name.toLowerCase(), ...config } });

cases.push(runCase('relu_default', layer('ReLU', {}), tf.layers.reLU(), uniform(r, [3, 5], -2, 2)));
cases.push(runCase('relu_max_value', layer('ReLU', { max_value: 0.75 }),
  tf.layers.reLU({ maxValue: 0.75 }), uniform(r, [2, 3, 4], -2, 2)));
cases.push(runCase('relu6_keras2_config', layer('ReLU', { max_value: 6.0, negative_slope: 0.0, threshold: 0.0 }),
  tf.layers.reLU({ maxValue: 6 }), uniform(r, [4, 6], -9, 9)));
cases.push(runCase('leaky_relu_default', layer('LeakyReLU', { negative_slope: 0.3 }),
  tf.layers.leakyReLU(), uniform(r, [3, 5])));
cases.push(runCase('leaky_relu_keras2_alpha', layer('LeakyReLU', { alpha: 0.05 }),
  tf.layers.leakyReLU({ alpha: 0.05 }), uniform(r, [2, 2, 3])));
cases.push(runCase('prelu_full', layer('PReLU', {}), tf.layers.prelu(), uniform(r, [3, 4])));
cases.push(runCase('prelu_shared_axes_1_2', layer('PReLU', { shared_axes: [1, 2] }),
  tf.layers.prelu({ sharedAxes: [1, 2] }), uniform(r, [2, 3, 4, 3])));
cases.push(runCase('prelu_shared_axis_2_rank3', layer('PReLU', { shared_axes: [2] }),
  tf.layers.prelu({ sharedAxes: [2] }), uniform(r, [2, 3, 5])));
cases.push(runCase('elu_default', layer('ELU', { alpha: 1.0 }), tf.layers.elu(), uniform(r, [3, 6], -3, 2)));
cases.push(runCase('softmax_last_axis', layer('Softmax', { axis: -1 }), tf.layers.softmax(), uniform(r, [3, 5], -3, 3)));
cases.push(runCase('softmax_last_axis_rank3', layer('Softmax', { axis: 2 }),
  tf.layers.softmax({ axis: 2 }), uniform(r, [2, 4, 3], -3, 3)));
writeFixture(new URL('./activation_layers.json', import.meta.url).pathname, cases);
