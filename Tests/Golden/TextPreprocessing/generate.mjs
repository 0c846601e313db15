// Golden fixtures for CategoryEncoding from tfjs-layers (a Keras 2 implementation; its CategoryEncoding matches
// Keras 3's encode_categorical_inputs for inputs up to rank 2, except as noted below).
// Regenerate: cd Tests/Golden && npm install && node TextPreprocessing/generate.mjs
import { tf, rng, integers, runCase, writeFixture } from '../goldenlib.mjs';

const r = rng(11);
const tfjsMode = { one_hot: 'oneHot', multi_hot: 'multiHot', count: 'count' };
const cases = [];
const add = (name, numTokens, outputMode, input) => cases.push(runCase(name,
  { class_name: 'CategoryEncoding', config: { name: 'category_encoding', num_tokens: numTokens, output_mode: outputMode } },
  tf.layers.categoryEncoding({ numTokens, outputMode: tfjsMode[outputMode] }), input, { grads: false }));

add('one_hot_rank1', 5, 'one_hot', integers(r, [6], 0, 5));
add('one_hot_last_axis_1', 4, 'one_hot', integers(r, [5, 1], 0, 4));
add('multi_hot_rank2', 6, 'multi_hot', integers(r, [4, 3], 0, 6));
// No rank-1 multi_hot case: tfjs' denseBincount counts there (a 1-D input with a repeated value gives 2), while
// Keras 3's multi_hot gives 1; CategoryEncodingTests checks Keras' behaviour.
integers(r, [5], 0, 7);
add('count_rank2_repeats', 3, 'count', integers(r, [3, 6], 0, 3));
add('count_rank1', 4, 'count', integers(r, [8], 0, 4));
add('count_single_token', 1, 'count', integers(r, [2, 3], 0, 1));
writeFixture(new URL('./category_encoding.json', import.meta.url).pathname, cases);
