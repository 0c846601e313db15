// Golden models for the saving tests, built and run by tfjs 4.22 (an independent Keras 2 implementation).
// Writes, per model, Fixtures/models.json: the Keras 2 topology (model.toJSON()), every layer's weights in Keras'
// legacy order (trainable then non-trainable, nested models and wrappers flattened), fixed random inputs and the
// predictions; and Fixtures/tfjs/<model>/model.json + group1-shard1of1.bin saved through tf.io.withSaveHandler (the
// tfjs-layers format). write_keras_files.py turns models.json into Keras' .h5 / .keras / .weights.h5 files.
// Regenerate: cd Tests/Golden && npm install && node Saving/generate.mjs && /usr/bin/python3 Saving/write_keras_files.py
import { tf, rng, uniform, integers, json } from '../goldenlib.mjs';
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';

const here = new URL('./Fixtures/', import.meta.url).pathname;

/** The last component of a tfjs variable name ("lstm/kernel" → "kernel"). */
const shortName = w => w.originalName.split('/').pop();

/** Per layer, its weights in Keras' legacy order; sublayers of nested models listed under `layers`. */
function describeLayer(layer) {
  const weights = [...layer.trainableWeights, ...layer.nonTrainableWeights];
  const d = {
    name: layer.name,
    class_name: layer.getClassName(),
    weights: weights.map(w => ({ ...json(w.read()), name: shortName(w), tfjs_name: w.originalName })),
  };
  const node = layer.inboundNodes[0];
  if (node) {
    const unwrap = shapes => (shapes.length === 1 ? shapes[0] : shapes);
    d.input_shape = unwrap(node.inputShapes);
    d.output_shape = unwrap(node.outputShapes);
  }
  if (layer.layers) d.layers = layer.layers.map(describeLayer);
  return d;
}

/** Sets every weight to seeded uniform values (variances positive so BatchNormalization stays finite). */
function seedWeights(model, seed) {
  const random = rng(seed);
  for (const w of model.weights) {
    const positive = /moving_variance/.test(w.originalName);
    w.write(positive ? uniform(random, w.shape, 0.5, 1.5) : uniform(random, w.shape, -0.5, 0.5));
  }
}

async function save(model, dir) {
  mkdirSync(dir, { recursive: true });
  await model.save(tf.io.withSaveHandler(async artifacts => {
    const manifest = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: artifacts.weightSpecs }],
    };
    writeFileSync(dir + 'model.json', JSON.stringify(manifest));
    writeFileSync(dir + 'group1-shard1of1.bin', Buffer.from(artifacts.weightData));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
}

const L = tf.layers;
const models = [];

async function add(name, model, inputs, compile) {
  seedWeights(model, models.length + 11);
  const predictions = model.predict(inputs.length === 1 ? inputs[0] : inputs);
  const outputs = Array.isArray(predictions) ? predictions : [predictions];
  models.push({
    name,
    topology: model.toJSON(null, false),
    layers: model.layers.map(describeLayer),
    inputs: inputs.map(t => json(t)),
    outputs: outputs.map(t => json(t)),
    compile: compile ?? null,
  });
  await save(model, `${here}tfjs/${name}/`);
}

// An MLP, compiled with Adam in the Keras files.
{
  const m = tf.sequential({ name: 'mlp' });
  m.add(L.dense({ name: 'dense', units: 8, activation: 'relu', inputShape: [6] }));
  m.add(L.dropout({ name: 'dropout', rate: 0.25 }));
  m.add(L.dense({ name: 'dense_1', units: 3, activation: 'softmax' }));
  await add('mlp', m, [uniform(rng(101), [4, 6])],
    { optimizer: 'adam', learning_rate: 0.01, loss: 'categorical_crossentropy', metrics: ['accuracy'] });
}

// A CNN: Conv2D same and valid, BatchNormalization, MaxPooling2D, Flatten, Dense.
{
  const m = tf.sequential({ name: 'cnn' });
  m.add(L.conv2d({ name: 'conv2d', filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [6, 6, 2] }));
  m.add(L.batchNormalization({ name: 'batch_normalization' }));
  m.add(L.maxPooling2d({ name: 'max_pooling2d', poolSize: 2 }));
  m.add(L.conv2d({ name: 'conv2d_1', filters: 4, kernelSize: 2, padding: 'valid' }));
  m.add(L.flatten({ name: 'flatten' }));
  m.add(L.dense({ name: 'dense', units: 2 }));
  await add('cnn', m, [uniform(rng(102), [2, 6, 6, 2])],
    { optimizer: 'sgd', learning_rate: 0.05, loss: 'mean_squared_error', metrics: [] });
}

// A text model: Embedding, LSTM (sequences), GRU (reset_after=False, as tfjs supports), Dense.
{
  const m = tf.sequential({ name: 'text' });
  m.add(L.embedding({ name: 'embedding', inputDim: 12, outputDim: 4, inputLength: 5 }));
  m.add(L.lstm({ name: 'lstm', units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }));
  m.add(L.gru({ name: 'gru', units: 2, recurrentActivation: 'sigmoid' }));
  m.add(L.dense({ name: 'dense', units: 1, activation: 'sigmoid' }));
  await add('text', m, [tf.cast(integers(rng(103), [3, 5], 0, 12), 'float32')]);
}

// Bidirectional LSTM (concat) and GRU (sum).
{
  const m = tf.sequential({ name: 'bidi' });
  m.add(L.bidirectional({
    name: 'bidirectional', inputShape: [4, 3],
    layer: L.lstm({ name: 'lstm', units: 2, returnSequences: true, recurrentActivation: 'sigmoid' }),
  }));
  m.add(L.bidirectional({
    name: 'bidirectional_1', mergeMode: 'sum',
    layer: L.gru({ name: 'gru', units: 2, recurrentActivation: 'sigmoid' }),
  }));
  m.add(L.dense({ name: 'dense', units: 2 }));
  await add('bidi', m, [uniform(rng(104), [2, 4, 3])]);
}

// A functional model: two inputs, two outputs, a Dense layer shared by both inputs.
{
  const a = tf.input({ name: 'input_a', shape: [4] });
  const b = tf.input({ name: 'input_b', shape: [4] });
  const shared = L.dense({ name: 'shared', units: 3, activation: 'tanh' });
  const sa = shared.apply(a);
  const sb = shared.apply(b);
  const joined = L.concatenate({ name: 'concatenate' }).apply([sa, sb]);
  const out1 = L.dense({ name: 'out_class', units: 2, activation: 'softmax' }).apply(joined);
  const out2 = L.dense({ name: 'out_value', units: 1 }).apply(L.add({ name: 'add' }).apply([sa, sb]));
  const m = tf.model({ name: 'two_towers', inputs: [a, b], outputs: [out1, out2] });
  await add('two_towers', m, [uniform(rng(105), [3, 4]), uniform(rng(106), [3, 4])]);
}

// A nested model: a Sequential block inside a functional model.
{
  const inner = tf.sequential({ name: 'block' });
  inner.add(L.dense({ name: 'inner_dense', units: 3, activation: 'relu', inputShape: [4] }));
  inner.add(L.dense({ name: 'inner_dense_1', units: 2 }));
  const x = tf.input({ name: 'input_x', shape: [5] });
  const h = L.dense({ name: 'dense', units: 4 }).apply(x);
  const y = L.dense({ name: 'head', units: 1 }).apply(inner.apply(h));
  const m = tf.model({ name: 'nested', inputs: x, outputs: y });
  await add('nested', m, [uniform(rng(107), [3, 5])]);
}

// Many layers: the layer_names attribute exceeds 64 KB, so Keras chunks it (layer_names0, layer_names1, ...).
{
  const m = tf.sequential({ name: 'deep' });
  const long = 'a_layer_with_a_deliberately_long_name_to_reach_the_hdf5_attribute_limit_'.repeat(22);
  m.add(L.dense({ name: `${long}0000`, units: 2, inputShape: [2] }));
  for (let i = 1; i < 40; i++) {
    m.add(L.activation({ name: `${long}${String(i).padStart(4, '0')}`, activation: 'linear' }));
  }
  m.add(L.dense({ name: 'dense_out', units: 1 }));
  await add('deep', m, [uniform(rng(108), [2, 2])]);
}

const body = JSON.stringify({ generator: `@tensorflow/tfjs ${tf.version.tfjs}`, models }) + '\n';
writeFileSync(here + 'models.json.tmp', body);
renameSync(here + 'models.json.tmp', here + 'models.json');
console.log(`models.json: ${models.map(m => m.name).join(', ')}`);
