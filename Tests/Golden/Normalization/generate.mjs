// Golden fixtures for BatchNormalization and LayerNormalization from tfjs-layers (a Keras 2 implementation).
// Regenerate: cd Tests/Golden && npm install && node Normalization/generate.mjs
//
// tfjs follows the same conventions as Keras 3 here: the output is (x - mean) * rsqrt(var + epsilon) * gamma + beta
// with the biased variance, and a training call updates moving = moving * momentum + batch * (1 - momentum) with the
// batch's biased variance (no Bessel correction, unlike tf.keras 2's fused kernel). Cases that tfjs cannot express
// (masks, frozen layers, rms_scaling, GroupNormalization, UnitNormalization) are in generate.py.
import { tf, rng, uniform, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(3);
const cases = [];

/** Sets BatchNormalization weights by name: positive gamma and moving variance, signed beta and moving mean. */
function bnWeights(layer, random) {
  layer.setWeights(layer.weights.map(w => {
    const name = w.name.split('/').pop().replace(/_\d+$/, '');
    const positive = name === 'gamma' || name === 'moving_variance';
    return positive ? uniform(random, w.shape, 0.5, 1.5) : uniform(random, w.shape, -0.5, 0.5);
  }));
}

function bn(name, shape, opts, training, grads = true) {
  const config = {
    name: 'batch_normalization', axis: -1, momentum: 0.99, epsilon: 1e-3, center: true, scale: true, ...opts,
  };
  const layer = tf.layers.batchNormalization({
    axis: config.axis, momentum: config.momentum, epsilon: config.epsilon, center: config.center, scale: config.scale,
  });
  const x = uniform(r, shape, -2, 3);
  cases.push(runCase(name, { class_name: 'BatchNormalization', config }, layer, x,
    { training, weights: bnWeights, weightsAfter: training, grads }));
}

bn('bn_inference_axis_last_4d', [2, 3, 4, 5], {}, false);
bn('bn_training_axis_last_4d', [2, 3, 4, 5], {}, true);
// Only channels-last cases: with the channel axis elsewhere tfjs 4.22's batchNorm broadcasts the statistics wrongly
// (outputs differ from the formula by up to 3.3 on 4-D channels_first input) and its gradient throws ("Size(120) must
// match the product of shape 1,3,1,1"). generate.py covers axis=1 and middle axes.
bn('bn_training_2d', [6, 4], { momentum: 0.5 }, true);
bn('bn_training_3d_resnet_epsilon', [3, 4, 5], { momentum: 0.9, epsilon: 1.001e-5 }, true);
bn('bn_inference_2d', [4, 6], { epsilon: 0.01 }, false);
// tfjs cannot train without gamma and beta (it reads both), nor take gradients without them: generate.py covers
// center/scale off in training and their gradients.
bn('bn_inference_no_center_no_scale', [2, 3, 3, 4], { center: false, scale: false }, false, false);

function ln(name, shape, opts, grads = true) {
  const config = { name: 'layer_normalization', axis: -1, epsilon: 1e-3, center: true, scale: true, ...opts };
  const layer = tf.layers.layerNormalization({
    axis: config.axis, epsilon: config.epsilon, center: config.center, scale: config.scale,
  });
  cases.push(runCase(name, { class_name: 'LayerNormalization', config }, layer, uniform(r, shape, -2, 2), { grads }));
}

ln('ln_last_axis_2d', [3, 6], {});
ln('ln_last_axis_3d', [2, 3, 5], { epsilon: 1e-6 });
ln('ln_trailing_axes_list_3d', [2, 3, 4], { axis: [1, 2] });
ln('ln_middle_axis_3d', [2, 4, 3], { axis: 1 });
// tfjs' gradient fails without beta or gamma: outputs only here, gradients in generate.py.
ln('ln_no_center', [2, 5], { center: false }, false);
ln('ln_no_scale_list_axis', [3, 4], { axis: [-1], scale: false }, false);

writeFixture(new URL('./normalization_tfjs.json', import.meta.url).pathname, cases);
