"""Writes keras_examples.json: input/output examples published by Keras itself, transcribed verbatim.

Sources (each case names its own):
  - Keras 3 docstrings (keras-team/keras, keras/src/layers/preprocessing/*.py): the ">>>" examples of
    CategoryEncoding, Hashing, Discretization, IntegerLookup, StringLookup and TextVectorization.
  - The keras.io guide "Working with preprocessing layers" (keras-team/keras-io, guides/md/preprocessing_layers.md):
    outputs printed by tf.keras 2.x, whose lookup/vectorization code Keras 3 ported unchanged (same vocabulary
    ordering, standardization, n-grams and TF-IDF formula).

No computation happens here: the expected values are the printed ones. Regenerate with
`/usr/bin/python3 Tests/Golden/TextPreprocessing/keras_examples.py` (standard library only).

Case format: {"name", "source", "layer": {"class_name", "config"}, "steps": [...]}, steps run in order:
  {"adapt": INPUT}                               layer.adapt(INPUT)
  {"set_vocabulary": [...], "idf_weights": [...]} layer.set_vocabulary(...)
  {"call": INPUT, "expect": NESTED_LIST}         layer(INPUT) == expect (rtol 1e-6)
  {"call": INPUT, "count_weights": NESTED, "expect": ...}
  {"call_inverse": INPUT, "expect_strings": NESTED}  (StringLookup with invert=True)
  {"vocabulary": [...]}                          layer.get_vocabulary() == vocabulary
INPUT is {"strings": nested list} | {"ints": nested list} | {"floats": nested list}.
"""
import json
import os

DOC = "keras 3 docstring: keras/src/layers/preprocessing/"
GUIDE = "keras.io guide preprocessing_layers.md (tf.keras 2.x output)"


def layer(class_name, **config):
    return {"class_name": class_name, "config": config}


def case(name, source, lay, *steps):
    return {"name": name, "source": source, "layer": lay, "steps": list(steps)}


def s(x):
    return {"strings": x}


def i(x):
    return {"ints": x}


def f(x):
    return {"floats": x}


cases = []

# ---- CategoryEncoding (category_encoding.py) ----
src = DOC + "category_encoding.py"
cases += [
    case("category_encoding_one_hot", src, layer("CategoryEncoding", num_tokens=4, output_mode="one_hot"),
         {"call": i([3, 2, 0, 1]), "expect": [[0, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0]]}),
    case("category_encoding_multi_hot", src, layer("CategoryEncoding", num_tokens=4, output_mode="multi_hot"),
         {"call": i([[0, 1], [0, 0], [1, 2], [3, 1]]),
          "expect": [[1, 1, 0, 0], [1, 0, 0, 0], [0, 1, 1, 0], [0, 1, 0, 1]]}),
    case("category_encoding_count_weights", src, layer("CategoryEncoding", num_tokens=4, output_mode="count"),
         {"call": i([[0, 1], [0, 0], [1, 2], [3, 1]]),
          "count_weights": [[.1, .2], [.1, .1], [.2, .3], [.4, .2]],
          "expect": [[0.1, 0.2, 0., 0.], [0.2, 0., 0., 0.], [0., 0.2, 0.3, 0.], [0., 0.2, 0., 0.4]]}),
]

# ---- Hashing (hashing.py) ----
src = DOC + "hashing.py"
five = [["A"], ["B"], ["C"], ["D"], ["E"]]
cases += [
    case("hashing_farmhash", src, layer("Hashing", num_bins=3),
         {"call": s(five), "expect": [[1], [0], [1], [1], [2]]}),
    case("hashing_farmhash_mask_value", src, layer("Hashing", num_bins=3, mask_value=""),
         {"call": s([["A"], ["B"], [""], ["C"], ["D"]]), "expect": [[1], [1], [0], [2], [2]]}),
    case("hashing_siphash_salt_pair", src, layer("Hashing", num_bins=3, salt=[133, 137]),
         {"call": s(five), "expect": [[1], [2], [1], [0], [2]]}),
    case("hashing_siphash_single_salt", src, layer("Hashing", num_bins=3, salt=133),
         {"call": s(five), "expect": [[0], [0], [2], [1], [0]]}),
]

# ---- Discretization (discretization.py) ----
src = DOC + "discretization.py"
x = [[-1.5, 1.0, 3.4, .5], [0.0, 3.0, 1.3, 0.0]]
cases += [
    case("discretization_bin_boundaries", src, layer("Discretization", bin_boundaries=[0., 1., 2.]),
         {"call": f(x), "expect": [[0, 2, 3, 1], [1, 3, 2, 1]]}),
    case("discretization_adapt_num_bins", src, layer("Discretization", num_bins=4, epsilon=0.01),
         {"adapt": f(x)}, {"call": f(x), "expect": [[0, 2, 3, 2], [1, 3, 3, 1]]}),
]

# ---- IntegerLookup (integer_lookup.py) ----
src = DOC + "integer_lookup.py"
vocab = [12, 36, 1138, 42]
data = [[12, 1138, 42], [42, 1000, 36]]
counted = [[12, 1138, 42, 42], [42, 7, 36, 7]]
cases += [
    case("integer_lookup_vocabulary", src, layer("IntegerLookup", vocabulary=vocab),
         {"call": i(data), "expect": [[1, 3, 4], [4, 0, 2]]}),
    case("integer_lookup_adapt", src, layer("IntegerLookup"),
         {"adapt": i(data)}, {"vocabulary": [-1, 42, 1138, 1000, 36, 12]},
         {"call": i(data), "expect": [[5, 2, 1], [1, 3, 4]]}),
    case("integer_lookup_two_oov_indices", src, layer("IntegerLookup", vocabulary=vocab, num_oov_indices=2),
         {"call": i([[12, 1138, 42], [37, 1000, 36]]), "expect": [[2, 4, 5], [1, 0, 3]]}),
    case("integer_lookup_one_hot", src, layer("IntegerLookup", vocabulary=vocab, output_mode="one_hot"),
         {"call": i([12, 36, 1138, 42, 7]),
          "expect": [[0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1], [1, 0, 0, 0, 0]]}),
    case("integer_lookup_multi_hot", src, layer("IntegerLookup", vocabulary=vocab, output_mode="multi_hot"),
         {"call": i(counted), "expect": [[0, 1, 0, 1, 1], [1, 0, 1, 0, 1]]}),
    case("integer_lookup_count", src, layer("IntegerLookup", vocabulary=vocab, output_mode="count"),
         {"call": i(counted), "expect": [[0, 1, 0, 1, 2], [2, 0, 1, 0, 1]]}),
    case("integer_lookup_tf_idf", src,
         layer("IntegerLookup", output_mode="tf_idf", vocabulary=vocab, idf_weights=[0.25, 0.75, 0.6, 0.4]),
         {"call": i(counted), "expect": [[0., 0.25, 0., 0.6, 0.8], [1.0, 0., 0.75, 0., 0.4]]}),
    case("integer_lookup_tf_idf_oov_weight", src,
         layer("IntegerLookup", output_mode="tf_idf", vocabulary=[-1, 12, 36, 1138, 42],
               idf_weights=[0.9, 0.25, 0.75, 0.6, 0.4]),
         {"call": i(counted), "expect": [[0., 0.25, 0., 0.6, 0.8], [1.8, 0., 0.75, 0., 0.4]]}),
    case("integer_lookup_invert", src, layer("IntegerLookup", vocabulary=vocab, invert=True),
         {"call": i([[1, 3, 4], [4, 0, 2]]), "expect": [[12, 1138, 42], [42, -1, 36]]}),
    case("integer_lookup_inverse_of_get_vocabulary", src,
         layer("IntegerLookup", vocabulary=[-1, 12, 36, 1138, 42], invert=True),
         {"call": i([[1, 3, 4], [4, 0, 2]]), "expect": [[12, 1138, 42], [42, -1, 36]]}),
]

# ---- StringLookup (string_lookup.py) ----
src = DOC + "string_lookup.py"
vocab = ["a", "b", "c", "d"]
data = [["a", "c", "d"], ["d", "z", "b"]]
counted = [["a", "c", "d", "d"], ["d", "z", "b", "z"]]
cases += [
    case("string_lookup_vocabulary", src, layer("StringLookup", vocabulary=vocab),
         {"call": s(data), "expect": [[1, 3, 4], [4, 0, 2]]}),
    case("string_lookup_adapt", src, layer("StringLookup"),
         {"adapt": s(data)}, {"vocabulary": ["[UNK]", "d", "z", "c", "b", "a"]},
         {"call": s(data), "expect": [[5, 3, 1], [1, 2, 4]]}),
    case("string_lookup_two_oov_indices", src, layer("StringLookup", vocabulary=vocab, num_oov_indices=2),
         {"call": s([["a", "c", "d"], ["m", "z", "b"]]), "expect": [[2, 4, 5], [0, 1, 3]]}),
    case("string_lookup_one_hot", src, layer("StringLookup", vocabulary=vocab, output_mode="one_hot"),
         {"call": s(["a", "b", "c", "d", "z"]),
          "expect": [[0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1], [1, 0, 0, 0, 0]]}),
    case("string_lookup_multi_hot", src, layer("StringLookup", vocabulary=vocab, output_mode="multi_hot"),
         {"call": s(counted), "expect": [[0, 1, 0, 1, 1], [1, 0, 1, 0, 1]]}),
    case("string_lookup_count", src, layer("StringLookup", vocabulary=vocab, output_mode="count"),
         {"call": s(counted), "expect": [[0, 1, 0, 1, 2], [2, 0, 1, 0, 1]]}),
    case("string_lookup_tf_idf", src, layer("StringLookup", output_mode="tf_idf"),
         {"set_vocabulary": vocab, "idf_weights": [0.25, 0.75, 0.6, 0.4]},
         {"call": s(counted), "expect": [[0., 0.25, 0., 0.6, 0.8], [1.0, 0., 0.75, 0., 0.4]]}),
    case("string_lookup_tf_idf_oov_weight", src, layer("StringLookup", output_mode="tf_idf"),
         {"set_vocabulary": ["[UNK]", "a", "b", "c", "d"], "idf_weights": [0.9, 0.25, 0.75, 0.6, 0.4]},
         {"call": s(counted), "expect": [[0., 0.25, 0., 0.6, 0.8], [1.8, 0., 0.75, 0., 0.4]]}),
    case("string_lookup_invert", src, layer("StringLookup", vocabulary=vocab, invert=True),
         {"call_inverse": i([[1, 3, 4], [4, 0, 2]]), "expect_strings": [["a", "c", "d"], ["d", "[UNK]", "b"]]}),
]

# ---- TextVectorization (text_vectorization.py) ----
src = DOC + "text_vectorization.py"
cases += [
    case("text_vectorization_adapt_int", src,
         layer("TextVectorization", max_tokens=5000, output_mode="int", output_sequence_length=4),
         {"adapt": s(["foo bar", "bar baz", "baz bada boom"])},
         {"call": s([["foo qux bar"], ["qux baz"]]), "expect": [[4, 1, 3, 0], [1, 2, 0, 0]]}),
    case("text_vectorization_vocabulary", src,
         layer("TextVectorization", max_tokens=5000, output_mode="int", output_sequence_length=4,
               vocabulary=["earth", "wind", "and", "fire"]),
         {"vocabulary": ["", "[UNK]", "earth", "wind", "and", "fire"]}),
]

# ---- keras.io guide: Working with preprocessing layers ----
greek = [
    "ξεῖν᾽, ἦ τοι μὲν ὄνειροι ἀμήχανοι ἀκριτόμυθοι",
    "γίγνοντ᾽, οὐδέ τι πάντα τελείεται ἀνθρώποισι.",
    "δοιαὶ γάρ τε πύλαι ἀμενηνῶν εἰσὶν ὀνείρων:",
    "αἱ μὲν γὰρ κεράεσσι τετεύχαται, αἱ δ᾽ ἐλέφαντι:",
    "τῶν οἳ μέν κ᾽ ἔλθωσι διὰ πριστοῦ ἐλέφαντος,",
    "οἵ ῥ᾽ ἐλεφαίρονται, ἔπε᾽ ἀκράαντα φέροντες:",
    "οἱ δὲ διὰ ξεστῶν κεράων ἔλθωσι θύραζε,",
    "οἵ ῥ᾽ ἔτυμα κραίνουσι, βροτῶν ὅτε κέν τις ἴδηται.",
]
brain = [
    "The Brain is wider than the Sky",
    "For put them side by side",
    "The one the other will contain",
    "With ease and You beside",
]
deeper = ["The Brain is deeper than the sea"]
cases += [
    case("guide_text_vectorization_greek", GUIDE, layer("TextVectorization"),
         {"adapt": s(greek)},
         {"call": s(greek), "expect": [
             [37, 12, 25, 5, 9, 20, 21, 0, 0],
             [51, 34, 27, 33, 29, 18, 0, 0, 0],
             [49, 52, 30, 31, 19, 46, 10, 0, 0],
             [7, 5, 50, 43, 28, 7, 47, 17, 0],
             [24, 35, 39, 40, 3, 6, 32, 16, 0],
             [4, 2, 15, 14, 22, 23, 0, 0, 0],
             [36, 48, 6, 38, 42, 3, 45, 0, 0],
             [4, 2, 13, 41, 53, 8, 44, 26, 11]]}),
    case("guide_string_lookup_vocabulary", GUIDE, layer("StringLookup", vocabulary=["a", "b", "c", "d"]),
         {"call": s([["a", "c", "d"], ["d", "z", "b"]]), "expect": [[1, 3, 4], [4, 0, 2]]}),
    case("guide_string_lookup_one_hot", GUIDE, layer("StringLookup", output_mode="one_hot"),
         {"adapt": s([["a"], ["b"], ["c"], ["b"], ["c"], ["a"]])},
         {"call": s([["a"], ["b"], ["c"], ["d"], ["e"], [""]]),
          "expect": [[0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]]}),
    case("guide_integer_lookup_one_hot", GUIDE, layer("IntegerLookup", output_mode="one_hot"),
         {"adapt": i([[10], [20], [20], [10], [30], [0]])},
         {"call": i([[10], [10], [20], [50], [60], [0]]),
          "expect": [[0, 0, 1, 0, 0], [0, 0, 1, 0, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0],
                     [0, 0, 0, 0, 1]]}),
    case("guide_text_vectorization_int", GUIDE, layer("TextVectorization", output_mode="int"),
         {"adapt": s(brain)}, {"call": s(deeper), "expect": [[2, 19, 14, 1, 9, 2, 1]]}),
    case("guide_text_vectorization_multi_hot_bigrams", GUIDE,
         layer("TextVectorization", output_mode="multi_hot", ngrams=2),
         {"adapt": s(brain)},
         {"call": s(deeper), "expect": [[1., 1., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 1., 1., 1.,
                                         0., 0., 0., 0., 0., 0., 0., 0., 0., 1., 0., 0., 0., 0., 0., 0., 0., 1., 1.,
                                         0., 0., 0.]]}),
    case("guide_text_vectorization_tf_idf_bigrams", GUIDE,
         layer("TextVectorization", output_mode="tf-idf", ngrams=2),
         {"adapt": s(brain)},
         {"call": s(deeper), "expect": [[5.461647, 1.6945957, 0., 0., 0., 0., 0.,
                                         0., 0., 0., 0., 0., 0., 0.,
                                         0., 0., 1.0986123, 1.0986123, 1.0986123, 0., 0.,
                                         0., 0., 0., 0., 0., 0., 0.,
                                         1.0986123, 0., 0., 0., 0., 0., 0.,
                                         0., 1.0986123, 1.0986123, 0., 0., 0.]]}),
]

names = [c["name"] for c in cases]
assert len(names) == len(set(names)), "duplicate case names"
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras_examples.json")
with open(path + ".tmp", "w", encoding="utf-8") as out:
    json.dump({"generator": "transcribed Keras examples (keras_examples.py)", "cases": cases}, out,
              ensure_ascii=False, indent=1)
    out.write("\n")
os.replace(path + ".tmp", path)
print(f"{path}: {len(cases)} cases")
