// Golden fixtures for the convolution layers tfjs implements: Conv1D, Conv2D, Conv3D, Conv2DTranspose,
// Conv3DTranspose, DepthwiseConv2D, SeparableConv2D. tfjs follows TensorFlow: "same" padding puts the odd pixel at
// the end, transposed convolutions have Keras' output lengths. Keras 3 names DepthwiseConv2D's kernel "kernel"
// (tfjs, as Keras 2: "depthwise_kernel"); the fixtures use the Keras 3 name. Causal padding, groups,
// output_padding and the 1-D transposed/depthwise/separable layers, which tfjs lacks, are in generate.py, and so is
// DepthwiseConv2D with dilation: tfjs 4.22 ignores its dilation_rate (a 7×7 input with a 3×3 kernel dilated by 2
// gives 5×5 instead of Keras' 3×3).
// Regenerate: cd Tests/Golden && npm install && node Convolution/generate.mjs
import { tf, rng, uniform, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(5);
const cases = [];
const tuple = (v, n) => (Array.isArray(v) ? v : Array(n).fill(v));
// tfjs has no gradients for dilated convolutions: those cases check outputs only (generate.py checks the gradients).
const gradsUnlessDilated = opts => ({ grads: tuple(opts.dilationRate ?? 1, 3).every(d => d === 1) });

function conv(kind, rank, name, inputShape, opts) {
  const k = opts.kernelSize;
  const config = {
    name: kind.toLowerCase(),
    filters: opts.filters,
    kernel_size: tuple(k, rank),
    strides: tuple(opts.strides ?? 1, rank),
    padding: opts.padding ?? 'valid',
    data_format: opts.dataFormat === 'channelsFirst' ? 'channels_first' : 'channels_last',
    dilation_rate: tuple(opts.dilationRate ?? 1, rank),
    activation: opts.activation ?? 'linear',
    use_bias: opts.useBias ?? true,
  };
  const make = {
    Conv1D: tf.layers.conv1d, Conv2D: tf.layers.conv2d, Conv3D: tf.layers.conv3d,
    Conv2DTranspose: tf.layers.conv2dTranspose, Conv3DTranspose: tf.layers.conv3dTranspose,
  }[kind];
  if (kind.endsWith('Transpose')) delete config.groups;
  else config.groups = 1;
  // tfjs has no gradient of Conv3DTranspose either (generate.py checks it).
  const grads = gradsUnlessDilated(opts).grads && kind !== 'Conv3DTranspose';
  cases.push(runCase(name, { class_name: kind, config }, make(opts), uniform(r, inputShape), { grads }));
}

function depthwise(name, inputShape, opts) {
  const config = {
    name: 'depthwise_conv2d',
    depth_multiplier: opts.depthMultiplier ?? 1,
    kernel_size: tuple(opts.kernelSize, 2),
    strides: tuple(opts.strides ?? 1, 2),
    padding: opts.padding ?? 'valid',
    data_format: opts.dataFormat === 'channelsFirst' ? 'channels_first' : 'channels_last',
    dilation_rate: tuple(opts.dilationRate ?? 1, 2),
    activation: opts.activation ?? 'linear',
    use_bias: opts.useBias ?? true,
  };
  const c = runCase(name, { class_name: 'DepthwiseConv2D', config }, tf.layers.depthwiseConv2d(opts), uniform(r, inputShape),
    gradsUnlessDilated(opts));
  c.weights[0].name = 'kernel';
  cases.push(c);
}

function separable(name, inputShape, opts) {
  const config = {
    name: 'separable_conv2d',
    depth_multiplier: opts.depthMultiplier ?? 1,
    filters: opts.filters,
    kernel_size: tuple(opts.kernelSize, 2),
    strides: tuple(opts.strides ?? 1, 2),
    padding: opts.padding ?? 'valid',
    data_format: opts.dataFormat === 'channelsFirst' ? 'channels_first' : 'channels_last',
    dilation_rate: tuple(opts.dilationRate ?? 1, 2),
    activation: opts.activation ?? 'linear',
    use_bias: opts.useBias ?? true,
  };
  cases.push(runCase(name, { class_name: 'SeparableConv2D', config }, tf.layers.separableConv2d(opts), uniform(r, inputShape),
    gradsUnlessDilated(opts)));
}

conv('Conv1D', 1, 'conv1d_valid_relu', [2, 9, 3], { filters: 4, kernelSize: 3, activation: 'relu' });
conv('Conv1D', 1, 'conv1d_same_stride2_even_kernel', [2, 9, 3], { filters: 2, kernelSize: 4, strides: 2, padding: 'same' });
conv('Conv2D', 2, 'conv2d_same_stride2_even_kernel', [2, 5, 5, 3], { filters: 3, kernelSize: 2, strides: 2, padding: 'same' });
conv('Conv2D', 2, 'conv2d_same_stride2_odd_kernel_even_input', [2, 6, 6, 2],
  { filters: 2, kernelSize: 3, strides: 2, padding: 'same' });
conv('Conv2D', 2, 'conv2d_valid_rect_kernel_and_strides_no_bias', [2, 7, 6, 2],
  { filters: 3, kernelSize: [3, 2], strides: [2, 1], useBias: false });
conv('Conv2D', 2, 'conv2d_same_dilation2_sigmoid', [1, 7, 6, 2],
  { filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'sigmoid' });
conv('Conv2D', 2, 'conv2d_same_even_kernel_stride1', [1, 5, 4, 2], { filters: 2, kernelSize: [4, 2], padding: 'same' });
conv('Conv2D', 2, 'conv2d_channels_first_same_stride2', [2, 3, 6, 5],
  { filters: 2, kernelSize: 3, strides: 2, padding: 'same', dataFormat: 'channelsFirst' });
conv('Conv3D', 3, 'conv3d_same_stride2_mixed_kernel', [1, 5, 4, 6, 2],
  { filters: 2, kernelSize: [2, 3, 2], strides: 2, padding: 'same' });
conv('Conv3D', 3, 'conv3d_valid_channels_first_relu', [2, 2, 4, 3, 4],
  { filters: 3, kernelSize: 2, dataFormat: 'channelsFirst', activation: 'relu' });
conv('Conv2DTranspose', 2, 'conv2d_transpose_valid_stride2', [2, 3, 3, 2], { filters: 3, kernelSize: 3, strides: 2 });
conv('Conv2DTranspose', 2, 'conv2d_transpose_same_stride2_even_kernel', [2, 3, 4, 2],
  { filters: 2, kernelSize: 4, strides: 2, padding: 'same' });
conv('Conv2DTranspose', 2, 'conv2d_transpose_same_stride2_odd_kernel', [1, 3, 3, 2],
  { filters: 2, kernelSize: 3, strides: 2, padding: 'same' });
conv('Conv2DTranspose', 2, 'conv2d_transpose_same_stride3_kernel2_extends', [1, 3, 2, 2],
  { filters: 2, kernelSize: 2, strides: 3, padding: 'same' });
conv('Conv2DTranspose', 2, 'conv2d_transpose_valid_stride3_kernel2_extends', [1, 2, 3, 1],
  { filters: 2, kernelSize: 2, strides: 3 });
conv('Conv2DTranspose', 2, 'conv2d_transpose_channels_first_relu_no_bias', [2, 2, 3, 4],
  { filters: 3, kernelSize: [2, 3], strides: [1, 2], padding: 'same', dataFormat: 'channelsFirst', activation: 'relu', useBias: false });
conv('Conv3DTranspose', 3, 'conv3d_transpose_same_stride2', [1, 2, 3, 2, 2], { filters: 2, kernelSize: 3, strides: 2, padding: 'same' });
conv('Conv3DTranspose', 3, 'conv3d_transpose_valid_mixed', [1, 2, 2, 3, 2], { filters: 2, kernelSize: [2, 1, 3], strides: [1, 2, 1] });
depthwise('depthwise_conv2d_dm2_same_stride2', [2, 5, 6, 3], { kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same' });
depthwise('depthwise_conv2d_valid_rect_stride_no_bias_relu', [1, 7, 6, 2],
  { kernelSize: [3, 2], strides: [2, 1], useBias: false, activation: 'relu' });
depthwise('depthwise_conv2d_channels_first_even_kernel_same', [2, 2, 5, 4],
  { kernelSize: 2, depthMultiplier: 3, padding: 'same', dataFormat: 'channelsFirst' });
separable('separable_conv2d_same_dm2', [2, 5, 5, 3], { filters: 4, kernelSize: 3, depthMultiplier: 2, padding: 'same' });
separable('separable_conv2d_valid_stride2_tanh', [1, 7, 6, 2],
  { filters: 3, kernelSize: [3, 2], strides: 2, activation: 'tanh' });
separable('separable_conv2d_channels_first_dilation2_no_bias', [2, 2, 7, 7],
  { filters: 2, kernelSize: 2, dilationRate: 2, padding: 'same', dataFormat: 'channelsFirst', useBias: false });
writeFixture(new URL('./tfjs.json', import.meta.url).pathname, cases);
