// Golden fixtures for the recurrent layers from tfjs-layers (a Keras 2 implementation): SimpleRNN, LSTM, GRU
// (reset_after=false: tfjs has no reset_after=true), Bidirectional, TimeDistributed and ConvLSTM2D.
// tfjs' defaults differ from Keras (hard_sigmoid gates, glorot_normal kernels), so every case names its activations;
// weights are set explicitly. tfjs repeats the previous *state* at masked steps where Keras 3 repeats the previous
// *output*; the two agree except for leading masked steps after a non-zero initial state, which generate.py covers
// (with GRU reset_after=true, zero_output_for_mask and Bidirectional's masked sequences).
// Regenerate: cd Tests/Golden && node Recurrent/generate.mjs
import { tf, rng, uniform, runCase as runLibCase, writeFixture } from '../goldenlib.mjs';

const r = rng(2024);

// tfjs' RNN.build does not mark the layer built, so goldenlib's explicit build would run twice: mark it. tfjs' RNN.apply
// also writes the initial states into its kwargs, which goldenlib reuses for the gradient pass: give it a copy.
function runCase(name, kerasLayer, layer, inputs, opts) {
  const build = layer.build.bind(layer);
  layer.build = shape => { build(shape); layer.built = true; };
  const apply = layer.apply.bind(layer);
  layer.apply = (x, kwargs) => apply(x, kwargs ? { ...kwargs } : kwargs);
  return runLibCase(name, kerasLayer, layer, inputs, opts);
}
const cases = [];
const sig = { activation: 'tanh', recurrentActivation: 'sigmoid' };
const cfg = (className, config) => ({ class_name: className, config });

// A (batch, time) mask with trailing and middle masked steps.
function mask(rows) {
  return tf.tensor(rows.flat().map(v => v === 1), [rows.length, rows[0].length], 'bool');
}

// --- SimpleRNN ---
cases.push(runCase('simple_rnn_last', cfg('SimpleRNN', { name: 'simple_rnn', units: 3 }),
  tf.layers.simpleRNN({ units: 3, activation: 'tanh' }), uniform(r, [2, 4, 5])));
cases.push(runCase('simple_rnn_sequences_relu_no_bias',
  cfg('SimpleRNN', { name: 'simple_rnn', units: 4, activation: 'relu', use_bias: false, return_sequences: true }),
  tf.layers.simpleRNN({ units: 4, activation: 'relu', useBias: false, returnSequences: true }), uniform(r, [3, 5, 2])));
cases.push(runCase('simple_rnn_backwards_sequences',
  cfg('SimpleRNN', { name: 'simple_rnn', units: 2, return_sequences: true, go_backwards: true }),
  tf.layers.simpleRNN({ units: 2, activation: 'tanh', returnSequences: true, goBackwards: true }),
  uniform(r, [2, 6, 3])));
cases.push(runCase('simple_rnn_state_initial_state',
  cfg('SimpleRNN', { name: 'simple_rnn', units: 3, return_state: true }),
  tf.layers.simpleRNN({ units: 3, activation: 'tanh', returnState: true }), [uniform(r, [2, 4, 3]), uniform(r, [2, 3])]));
cases.push(runCase('simple_rnn_masked_sequences',
  cfg('SimpleRNN', { name: 'simple_rnn', units: 3, return_sequences: true }),
  tf.layers.simpleRNN({ units: 3, activation: 'tanh', returnSequences: true }), uniform(r, [3, 5, 2]),
  { masks: [mask([[1, 1, 1, 0, 0], [1, 0, 1, 1, 0], [1, 1, 1, 1, 1]])],
    outputMasks: [mask([[1, 1, 1, 0, 0], [1, 0, 1, 1, 0], [1, 1, 1, 1, 1]])] }));

// --- LSTM ---
cases.push(runCase('lstm_last', cfg('LSTM', { name: 'lstm', units: 3 }),
  tf.layers.lstm({ units: 3, ...sig }), uniform(r, [2, 5, 4])));
cases.push(runCase('lstm_sequences_odd_sizes', cfg('LSTM', { name: 'lstm', units: 5, return_sequences: true }),
  tf.layers.lstm({ units: 5, ...sig, returnSequences: true }), uniform(r, [3, 7, 1])));
cases.push(runCase('lstm_no_bias_relu_backwards',
  cfg('LSTM', { name: 'lstm', units: 2, activation: 'relu', use_bias: false, go_backwards: true }),
  tf.layers.lstm({ units: 2, activation: 'relu', recurrentActivation: 'sigmoid', useBias: false, goBackwards: true }),
  uniform(r, [2, 4, 3])));
cases.push(runCase('lstm_return_state_initial_states',
  cfg('LSTM', { name: 'lstm', units: 3, return_sequences: true, return_state: true }),
  tf.layers.lstm({ units: 3, ...sig, returnSequences: true, returnState: true }),
  [uniform(r, [2, 4, 2]), uniform(r, [2, 3]), uniform(r, [2, 3])]));
cases.push(runCase('lstm_return_state_only', cfg('LSTM', { name: 'lstm', units: 2, return_state: true }),
  tf.layers.lstm({ units: 2, ...sig, returnState: true }), uniform(r, [1, 3, 2])));
{
  const m = [[1, 1, 0, 1, 0, 0], [1, 1, 1, 1, 1, 0]];
  cases.push(runCase('lstm_masked_sequences', cfg('LSTM', { name: 'lstm', units: 3, return_sequences: true }),
    tf.layers.lstm({ units: 3, ...sig, returnSequences: true }), uniform(r, [2, 6, 3]),
    { masks: [mask(m)], outputMasks: [mask(m)] }));
  cases.push(runCase('lstm_masked_last', cfg('LSTM', { name: 'lstm', units: 3 }),
    tf.layers.lstm({ units: 3, ...sig }), uniform(r, [2, 6, 3]), { masks: [mask(m)], outputMasks: [null] }));
  cases.push(runCase('lstm_masked_backwards_sequences',
    cfg('LSTM', { name: 'lstm', units: 2, return_sequences: true, go_backwards: true }),
    tf.layers.lstm({ units: 2, ...sig, returnSequences: true, goBackwards: true }), uniform(r, [2, 6, 3]),
    { masks: [mask(m)] }));
}

// --- GRU (reset_after=false; tfjs rejects reset_after=true) ---
const gru = (units, extra = {}) => cfg('GRU', { name: 'gru', units, reset_after: false, ...extra });
cases.push(runCase('gru_before_last', gru(3), tf.layers.gru({ units: 3, ...sig }), uniform(r, [2, 5, 4])));
cases.push(runCase('gru_before_sequences_backwards', gru(4, { return_sequences: true, go_backwards: true }),
  tf.layers.gru({ units: 4, ...sig, returnSequences: true, goBackwards: true }), uniform(r, [2, 3, 5])));
cases.push(runCase('gru_before_no_bias_state', gru(2, { use_bias: false, return_state: true }),
  tf.layers.gru({ units: 2, ...sig, useBias: false, returnState: true }), [uniform(r, [3, 4, 2]), uniform(r, [3, 2])]));
{
  const m = [[1, 0, 1, 1, 0], [1, 1, 1, 0, 0], [0, 1, 1, 1, 1]];
  cases.push(runCase('gru_before_masked_sequences', gru(3, { return_sequences: true }),
    tf.layers.gru({ units: 3, ...sig, returnSequences: true }), uniform(r, [3, 5, 2]), { masks: [mask(m)] }));
}

// --- Bidirectional ---
const bidi = (layer, mergeMode, extra = {}) =>
  cfg('Bidirectional', { name: 'bidirectional', layer, merge_mode: mergeMode, ...extra });
for (const mode of ['concat', 'sum', 'mul', 'ave']) {
  cases.push(runCase(`bidirectional_lstm_${mode}_sequences`,
    bidi(cfg('LSTM', { name: 'lstm', units: 3, return_sequences: true }), mode),
    tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 3, ...sig, returnSequences: true }), mergeMode: mode }),
    uniform(r, [2, 4, 3])));
}
cases.push(runCase('bidirectional_gru_concat_last',
  bidi(cfg('GRU', { name: 'gru', units: 2, reset_after: false }), 'concat'),
  tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, ...sig }), mergeMode: 'concat' }), uniform(r, [3, 5, 2])));
cases.push(runCase('bidirectional_simple_rnn_no_merge',
  bidi(cfg('SimpleRNN', { name: 'simple_rnn', units: 2, return_sequences: true }), null),
  tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, activation: 'tanh', returnSequences: true }),
    mergeMode: null }), uniform(r, [2, 3, 4])));
cases.push(runCase('bidirectional_lstm_masked_last',
  bidi(cfg('LSTM', { name: 'lstm', units: 2 }), 'concat'),
  tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, ...sig }), mergeMode: 'concat' }), uniform(r, [2, 5, 3]),
  { masks: [mask([[1, 1, 1, 0, 0], [1, 0, 1, 1, 1]])], outputMasks: [null] }));

// --- TimeDistributed ---
cases.push(runCase('time_distributed_dense',
  cfg('TimeDistributed', { name: 'time_distributed', layer: cfg('Dense', { name: 'dense', units: 3, activation: 'relu' }) }),
  tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, activation: 'relu' }) }), uniform(r, [2, 4, 5])));
cases.push(runCase('time_distributed_dense_4d',
  cfg('TimeDistributed', { name: 'time_distributed', layer: cfg('Dense', { name: 'dense', units: 2 }) }),
  tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }), uniform(r, [2, 3, 2, 4])));

// --- ConvLSTM2D (own fixture) ---
writeFixture(new URL('./recurrent.json', import.meta.url).pathname, cases);
cases.length = 0;
const conv = (extra) => cfg('ConvLSTM2D', { name: 'conv_lstm2d', ...extra });
cases.push(runCase('conv_lstm2d_valid_last', conv({ filters: 2, kernel_size: [3, 3] }),
  tf.layers.convLstm2d({ filters: 2, kernelSize: 3, ...sig }), uniform(r, [2, 3, 5, 5, 2])));
cases.push(runCase('conv_lstm2d_same_even_kernel_sequences',
  conv({ filters: 3, kernel_size: [2, 2], padding: 'same', return_sequences: true }),
  tf.layers.convLstm2d({ filters: 3, kernelSize: 2, padding: 'same', returnSequences: true, ...sig }),
  uniform(r, [1, 3, 4, 3, 2])));
cases.push(runCase('conv_lstm2d_strides_state',
  conv({ filters: 2, kernel_size: [3, 2], strides: [2, 1], padding: 'same', return_state: true }),
  tf.layers.convLstm2d({ filters: 2, kernelSize: [3, 2], strides: [2, 1], padding: 'same', returnState: true, ...sig }),
  uniform(r, [2, 2, 5, 4, 1])));

writeFixture(new URL('./conv_lstm.json', import.meta.url).pathname, cases);
