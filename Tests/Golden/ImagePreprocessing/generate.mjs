// Golden fixtures from tfjs for Rescaling, Resizing and CenterCrop (Keras 3 configs, read by Keras.Net's registry).
// Regenerate: cd Tests/Golden && npm install && node ImagePreprocessing/generate.mjs
//
// tfjs is Keras 2 and differs from Keras 3 here, so only agreeing paths are used:
// * tf.layers.resizing passes alignCorners=true (not Keras 3's half-pixel centers); the Resizing cases therefore call
//   tf.image.resizeBilinear / resizeNearestNeighbor with alignCorners=false, halfPixelCenters=true, which is what
//   Keras 3's torch backend computes (F.interpolate bilinear align_corners=False; "nearest-exact").
// * tfjs has no usable gradients for these ops (resize grads fail on non-square images, CropAndResize has none),
//   so these cases hold outputs only; generate.py records gradients.
// * tf.layers.centerCrop samples with cropAndResize and shifts odd one-pixel margins; it is used only for inputs whose
//   margins are even, and each output is checked here against plain slicing before it is written.
import { tf, rng, uniform, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(21);
const cases = [];
const keras = (className, config) => ({ class_name: className, config: { name: className.toLowerCase(), ...config } });

/** A weightless pseudo-layer around an op, for runCase. */
const opLayer = fn => ({ build() {}, weights: [], trainableWeights: [], apply: x => fn(x) });

cases.push(runCase('tfjs_rescaling_scale_offset', keras('Rescaling', { scale: 0.5, offset: -0.25 }),
  tf.layers.rescaling({ scale: 0.5, offset: -0.25 }), uniform(r, [2, 3, 4, 2], 0, 255)));
cases.push(runCase('tfjs_rescaling_unit_interval', keras('Rescaling', { scale: 1 / 255, offset: 0.0 }),
  tf.layers.rescaling({ scale: 1 / 255 }), uniform(r, [3, 5], 0, 255)));

const resizeConfig = (height, width, interpolation) => keras('Resizing', {
  height, width, interpolation, crop_to_aspect_ratio: false, pad_to_aspect_ratio: false, fill_mode: 'constant',
  fill_value: 0.0, data_format: 'channels_last',
});
for (const [name, shape, size] of [
  ['down', [2, 7, 6, 2], [4, 3]], ['up', [1, 3, 4, 3], [5, 7]], ['mixed', [1, 5, 3, 1], [3, 8]],
]) {
  cases.push(runCase(`tfjs_resize_bilinear_half_pixel_${name}`, resizeConfig(size[0], size[1], 'bilinear'),
    opLayer(x => tf.image.resizeBilinear(x, size, false, true)), uniform(r, shape), { grads: false }));
  cases.push(runCase(`tfjs_resize_nearest_half_pixel_${name}`, resizeConfig(size[0], size[1], 'nearest'),
    opLayer(x => tf.image.resizeNearestNeighbor(x, size, false, true)), uniform(r, shape), { grads: false }));
}

for (const [name, shape, size] of [['square', [2, 8, 8, 2], [4, 4]], ['wide', [1, 6, 10, 3], [2, 6]]]) {
  const x = uniform(r, shape);
  const c = runCase(`tfjs_center_crop_${name}`, keras('CenterCrop', {
    height: size[0], width: size[1], data_format: 'channels_last',
  }), tf.layers.centerCrop({ height: size[0], width: size[1] }), x, { grads: false });
  const top = (shape[1] - size[0]) / 2;
  const left = (shape[2] - size[1]) / 2;
  const expected = Array.from(tf.slice(x, [0, top, left, 0], [shape[0], size[0], size[1], shape[3]]).dataSync());
  const got = c.outputs[0].data;
  if (expected.some((v, i) => Math.abs(v - got[i]) > 1e-6)) throw new Error(`${c.name}: tfjs disagrees with slicing`);
  cases.push(c);
}

writeFixture(new URL('./tfjs.json', import.meta.url).pathname, cases);
