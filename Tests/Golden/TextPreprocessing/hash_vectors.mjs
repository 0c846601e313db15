// Writes hash_vectors.json: FarmHash Fingerprint64 and SipHash-2-4 of UTF-8 strings, computed by two independent
// implementations from the npm registry: farmhash-modern 1.1.0 (Google's FarmHash compiled to WebAssembly; its
// fingerprint64 is farmhashna::Hash64, TensorFlow's Fingerprint64) and siphash 1.2.0 (pure JS SipHash-2-4).
// These are the hashes behind tf.strings.to_hash_bucket_fast / to_hash_bucket_strong (Keras' Hashing layer).
// Regenerate:
//   mkdir -p /tmp/hashoracle && (cd /tmp/hashoracle && npm init -y && npm install farmhash-modern@1.1.0 siphash@1.2.0)
//   HASH_ORACLE=/tmp/hashoracle node Tests/Golden/TextPreprocessing/hash_vectors.mjs
import { createRequire } from 'node:module';
import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.env.HASH_ORACLE ?? '/tmp/hashoracle', 'package.json'));
const farmhash = require('farmhash-modern');
const siphash = require('siphash');
const utf8 = s => new TextEncoder().encode(s);

const texts = ['', 'A', 'a', 'hello world', 'ξεῖν᾽', '日本語のテキスト', 'naïve café', '😀 emoji 🎉', '[UNK]'];
const alphabet = 'The quick brown fox jumps over the lazy dog 0123456789!';
// No length that is a multiple of 64 above 64: there farmhash-modern's Rust port disagrees with Google's farmhash.cc
// (its own self-test table, case 128, which the C# tests check separately) and so with TensorFlow.
for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 48, 63, 64, 65, 100, 127, 129, 200]) {
  texts.push(alphabet.repeat(5).slice(0, n));
}
for (const v of ['0', '1', '-1', '7', '42', '1000', '1337', '-9223372036854775808', '9223372036854775807']) {
  texts.push(v);
}

const fingerprints = texts.map(text => ({ text, fingerprint64: BigInt.asUintN(64, BigInt(farmhash.fingerprint64(utf8(text)))).toString() }));

const keys = [[0n, 0n], [133n, 133n], [133n, 137n], [1337n, 1337n], [0x0706050403020100n, 0x0f0e0d0c0b0a0908n], [(1n << 63n) + 5n, 12345678901234567n]];
const word = k => [Number(k & 0xffffffffn), Number(k >> 32n)];
const sip = (k0, k1, text) => {
  const r = siphash.hash([...word(k0), ...word(k1)], utf8(text));
  return ((BigInt(r.h >>> 0) << 32n) | BigInt(r.l >>> 0)).toString();
};
const sipHashes = [];
for (const [k0, k1] of keys) {
  for (const text of texts) sipHashes.push({ key: [k0.toString(), k1.toString()], text, siphash: sip(k0, k1, text) });
}

const path = new URL('./hash_vectors.json', import.meta.url).pathname;
writeFileSync(path + '.tmp', JSON.stringify({ generator: 'farmhash-modern 1.1.0, siphash 1.2.0 (npm)', farmhash: fingerprints, siphash: sipHashes }) + '\n');
renameSync(path + '.tmp', path);
console.log(`${path}: ${fingerprints.length} fingerprints, ${sipHashes.length} siphashes`);
