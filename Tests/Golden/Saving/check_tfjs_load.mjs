// Manual interoperability check: loads tfjs-layers folders written by Keras.Net (Model.SaveTfjs) with tfjs 4.22's own
// loader and compares the predictions on the golden inputs with Fixtures/models.json.
// Usage: cd Tests/Golden && node Saving/check_tfjs_load.mjs <folder holding one sub-folder per golden model>
import { tf } from '../goldenlib.mjs';
import { readFileSync, existsSync } from 'node:fs';

const root = process.argv[2];
const { models } = JSON.parse(readFileSync(new URL('./Fixtures/models.json', import.meta.url), 'utf8'));
let failures = 0;
for (const m of models) {
  const dir = `${root}/${m.name}`;
  if (!existsSync(`${dir}/model.json`)) continue;
  const json = JSON.parse(readFileSync(`${dir}/model.json`, 'utf8'));
  const weightData = new Uint8Array(readFileSync(`${dir}/${json.weightsManifest[0].paths[0]}`)).buffer;
  const model = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData,
  }));
  const inputs = m.inputs.map(t => tf.tensor(t.data, t.shape));
  const out = model.predict(inputs.length === 1 ? inputs[0] : inputs);
  const outs = Array.isArray(out) ? out : [out];
  let worst = 0;
  outs.forEach((t, i) => t.dataSync().forEach((v, j) => { worst = Math.max(worst, Math.abs(v - m.outputs[i].data[j])); }));
  const ok = worst <= 1e-5;
  if (!ok) failures++;
  console.log(`${m.name}: tfjs loaded it, max |diff| ${worst.toExponential(2)} ${ok ? 'ok' : 'FAIL'}`);
}
process.exit(failures ? 1 : 0);
