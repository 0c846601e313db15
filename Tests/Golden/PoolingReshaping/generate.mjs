// Golden fixtures for the pooling and reshaping layers that tfjs implements (TF semantics: "same" pooling pads the
// extra cell at the end, max pooling ignores padding, average pooling counts only real cells).
// Layers tfjs lacks (3D global pooling, Cropping1D/3D, ZeroPadding1D/3D, UpSampling1D/3D, Keras 3 bilinear
// upsampling, masks, keepdims, channels_first 1D pooling) are in generate.py.
// tfjs 4.22's backward kernels are wrong in three places (checked against autograd of an explicit float64 reference,
// which agrees with Keras.Net): avgPool with "same" padding spreads each gradient over the full window size instead of
// the real cells (TF divides by the real-cell count), maxPool3d with "same" padding, and resizeNearestNeighbor with
// unequal row/column factors. Those cases record outputs only (noGrads); generate.py records their gradients.
// Regenerate: cd Tests/Golden && npm install && node PoolingReshaping/generate.mjs
import { tf, rng, uniform, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(3);
const cases = [];
const fmt = f => (f === 'channels_first' ? 'channelsFirst' : 'channelsLast');
const tuple = (v, n) => (Array.isArray(v) ? v : Array(n).fill(v));

// Pooling: the Keras 3 config (resolved tuples, as get_config writes them) and the tfjs layer.
function pooling(name, cls, n, shape, opts) {
  const { pool, strides = null, padding = 'valid', dataFormat = 'channels_last', noGrads = false } = opts;
  const poolSize = tuple(pool, n);
  const config = {
    name: cls.toLowerCase().replace(/(\d)d$/, '$1d').replace('pooling', '_pooling'),
    trainable: true,
    dtype: 'float32',
    pool_size: poolSize,
    padding,
    strides: tuple(strides ?? pool, n),
    data_format: dataFormat,
  };
  const args = { poolSize: n === 1 ? poolSize[0] : poolSize, padding };
  if (strides !== null) args.strides = n === 1 ? tuple(strides, 1)[0] : tuple(strides, n);
  if (n > 1) args.dataFormat = fmt(dataFormat);
  const factory = {
    MaxPooling1D: tf.layers.maxPooling1d, MaxPooling2D: tf.layers.maxPooling2d, MaxPooling3D: tf.layers.maxPooling3d,
    AveragePooling1D: tf.layers.averagePooling1d, AveragePooling2D: tf.layers.averagePooling2d,
    AveragePooling3D: tf.layers.averagePooling3d,
  }[cls];
  cases.push(runCase(name, { class_name: cls, config }, factory(args), uniform(r, shape), { grads: !noGrads }));
}

pooling('max_pooling1d_valid_default', 'MaxPooling1D', 1, [2, 7, 3], { pool: 2 });
pooling('max_pooling1d_same_pool3_stride2', 'MaxPooling1D', 1, [2, 8, 3], { pool: 3, strides: 2, padding: 'same' });
pooling('max_pooling1d_same_even_pool2_stride1', 'MaxPooling1D', 1, [2, 5, 2], { pool: 2, strides: 1, padding: 'same' });
pooling('average_pooling1d_same_even_pool4_stride1', 'AveragePooling1D', 1, [2, 6, 2],
  { pool: 4, strides: 1, padding: 'same', noGrads: true });
pooling('average_pooling1d_valid_pool3_stride2', 'AveragePooling1D', 1, [2, 8, 3], { pool: 3, strides: 2 });
pooling('average_pooling1d_same_pool2_stride2_odd', 'AveragePooling1D', 1, [1, 7, 2],
  { pool: 2, strides: 2, padding: 'same', noGrads: true });
pooling('max_pooling2d_valid_default', 'MaxPooling2D', 2, [2, 5, 5, 3], { pool: 2 });
pooling('max_pooling2d_same_pool2_stride2_odd', 'MaxPooling2D', 2, [2, 5, 5, 2], { pool: 2, padding: 'same' });
pooling('max_pooling2d_same_pool3_stride2_even', 'MaxPooling2D', 2, [2, 6, 6, 2],
  { pool: 3, strides: 2, padding: 'same' });
pooling('max_pooling2d_same_channels_first', 'MaxPooling2D', 2, [2, 3, 5, 4],
  { pool: [2, 3], strides: [1, 2], padding: 'same', dataFormat: 'channels_first' });
pooling('max_pooling2d_valid_overlapping', 'MaxPooling2D', 2, [1, 6, 5, 2], { pool: [3, 2], strides: [1, 1] });
pooling('average_pooling2d_same_pool2_stride1', 'AveragePooling2D', 2, [2, 4, 4, 2],
  { pool: 2, strides: 1, padding: 'same', noGrads: true });
pooling('average_pooling2d_same_even_pool4_stride1', 'AveragePooling2D', 2, [1, 5, 5, 2],
  { pool: 4, strides: 1, padding: 'same', noGrads: true });
pooling('average_pooling2d_same_pool3_stride2_channels_first', 'AveragePooling2D', 2, [2, 2, 6, 5],
  { pool: 3, strides: 2, padding: 'same', dataFormat: 'channels_first', noGrads: true });
pooling('average_pooling2d_valid_pool2x3_stride1x2', 'AveragePooling2D', 2, [2, 5, 7, 2],
  { pool: [2, 3], strides: [1, 2] });
pooling('max_pooling3d_valid_default', 'MaxPooling3D', 3, [1, 4, 4, 4, 2], { pool: 2 });
pooling('max_pooling3d_same_pool2x3x2_stride2x2x1', 'MaxPooling3D', 3, [1, 5, 4, 3, 2],
  { pool: [2, 3, 2], strides: [2, 2, 1], padding: 'same', noGrads: true });
pooling('average_pooling3d_same_pool2_stride1', 'AveragePooling3D', 3, [1, 3, 4, 3, 2],
  { pool: 2, strides: 1, padding: 'same', noGrads: true });
pooling('average_pooling3d_same_pool3_stride2_channels_first', 'AveragePooling3D', 3, [1, 2, 5, 5, 4],
  { pool: 3, strides: 2, padding: 'same', dataFormat: 'channels_first', noGrads: true });

function globalPooling(name, cls, shape, dataFormat = 'channels_last') {
  const config = { name, trainable: true, dtype: 'float32', data_format: dataFormat, keepdims: false };
  const factory = {
    GlobalMaxPooling1D: tf.layers.globalMaxPooling1d, GlobalAveragePooling1D: tf.layers.globalAveragePooling1d,
    GlobalMaxPooling2D: tf.layers.globalMaxPooling2d, GlobalAveragePooling2D: tf.layers.globalAveragePooling2d,
  }[cls];
  const args = cls.endsWith('2D') ? { dataFormat: fmt(dataFormat) } : {};
  cases.push(runCase(name, { class_name: cls, config }, factory(args), uniform(r, shape)));
}
globalPooling('global_max_pooling1d', 'GlobalMaxPooling1D', [2, 5, 3]);
globalPooling('global_average_pooling1d', 'GlobalAveragePooling1D', [2, 5, 3]);
globalPooling('global_max_pooling2d', 'GlobalMaxPooling2D', [2, 3, 4, 3]);
globalPooling('global_average_pooling2d', 'GlobalAveragePooling2D', [2, 3, 4, 3]);
globalPooling('global_max_pooling2d_channels_first', 'GlobalMaxPooling2D', [2, 3, 4, 5], 'channels_first');
globalPooling('global_average_pooling2d_channels_first', 'GlobalAveragePooling2D', [2, 3, 4, 5], 'channels_first');

const base = name => ({ name, trainable: true, dtype: 'float32' });
cases.push(runCase('permute_2_1', { class_name: 'Permute', config: { ...base('permute'), dims: [2, 1] } },
  tf.layers.permute({ dims: [2, 1] }), uniform(r, [2, 3, 4])));
cases.push(runCase('permute_3_1_2', { class_name: 'Permute', config: { ...base('permute'), dims: [3, 1, 2] } },
  tf.layers.permute({ dims: [3, 1, 2] }), uniform(r, [2, 2, 3, 4])));
cases.push(runCase('repeat_vector_3', { class_name: 'RepeatVector', config: { ...base('repeat_vector'), n: 3 } },
  tf.layers.repeatVector({ n: 3 }), uniform(r, [2, 4])));
cases.push(runCase('cropping2d_asymmetric',
  { class_name: 'Cropping2D', config: { ...base('cropping2d'), cropping: [[1, 2], [0, 1]], data_format: 'channels_last' } },
  tf.layers.cropping2D({ cropping: [[1, 2], [0, 1]] }), uniform(r, [2, 5, 4, 3])));
cases.push(runCase('cropping2d_channels_first',
  { class_name: 'Cropping2D', config: { ...base('cropping2d'), cropping: [[1, 1], [2, 0]], data_format: 'channels_first' } },
  tf.layers.cropping2D({ cropping: [[1, 1], [2, 0]], dataFormat: 'channelsFirst' }), uniform(r, [2, 2, 4, 5])));
cases.push(runCase('zero_padding2d_asymmetric',
  { class_name: 'ZeroPadding2D', config: { ...base('zero_padding2d'), padding: [[1, 0], [2, 1]], data_format: 'channels_last' } },
  tf.layers.zeroPadding2d({ padding: [[1, 0], [2, 1]] }), uniform(r, [2, 3, 3, 2])));
cases.push(runCase('zero_padding2d_channels_first',
  { class_name: 'ZeroPadding2D', config: { ...base('zero_padding2d'), padding: [[1, 1], [1, 1]], data_format: 'channels_first' } },
  tf.layers.zeroPadding2d({ padding: 1, dataFormat: 'channelsFirst' }), uniform(r, [1, 2, 3, 2])));
cases.push(runCase('up_sampling2d_nearest_2x3',
  { class_name: 'UpSampling2D', config: { ...base('up_sampling2d'), size: [2, 3], data_format: 'channels_last', interpolation: 'nearest' } },
  tf.layers.upSampling2d({ size: [2, 3] }), uniform(r, [2, 2, 3, 2]), { grads: false }));
cases.push(runCase('up_sampling2d_nearest_channels_first',
  { class_name: 'UpSampling2D', config: { ...base('up_sampling2d'), size: [2, 2], data_format: 'channels_first', interpolation: 'nearest' } },
  tf.layers.upSampling2d({ size: [2, 2], dataFormat: 'channelsFirst' }), uniform(r, [1, 3, 2, 3])));

writeFixture(new URL('./tfjs.json', import.meta.url).pathname, cases);
