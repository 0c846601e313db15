"""Makes the small dataset files served by Tests/Datasets and the outputs Keras' loaders give for them.

Run with Debian's python3 (numpy 1.24): /usr/bin/python3 Tests/Golden/Datasets/make_dataset_files.py
Writes Fixtures/: the files in the formats Keras downloads (CIFAR tarballs of Python-2 protocol-2 pickles, npz files
with pickled object arrays, word-index JSON), two malicious files, and expected.json: what Keras 3's loaders
(keras/src/datasets/*.py, replicated below line by line) return for them.
"""

import hashlib
import io
import json
import os
import pickle
import struct
import tarfile
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Fixtures")
RNG = np.random.RandomState(2024)


# ---- Python 2 cPickle protocol 2, as the CIFAR batches were written (str keys and data are 8-bit strings) ----
class Py2Pickler:
    def __init__(self):
        self.out = bytearray(b"\x80\x02")
        self.memo = 0

    def put(self):
        self.memo += 1
        self.out += b"q" + bytes([self.memo]) if self.memo < 256 else b"r" + struct.pack("<I", self.memo)

    def string(self, b):
        self.out += (b"U" + bytes([len(b)]) if len(b) < 256 else b"T" + struct.pack("<i", len(b))) + b
        self.put()

    def int(self, v):
        if 0 <= v < 256:
            self.out += b"K" + bytes([v])
        elif 0 <= v < 65536:
            self.out += b"M" + struct.pack("<H", v)
        else:
            self.out += b"J" + struct.pack("<i", v)

    def glob(self, module, name):
        self.out += b"c" + module + b"\n" + name + b"\n"
        self.put()

    def value(self, v):
        if isinstance(v, bytes):
            self.string(v)
        elif isinstance(v, int):
            self.int(v)
        elif isinstance(v, list):
            self.out += b"]"
            self.put()
            if v:
                self.out += b"("
                for item in v:
                    self.value(item)
                self.out += b"e"
        elif isinstance(v, np.ndarray):
            self.array(v)
        else:
            raise TypeError(type(v))

    def array(self, a):
        assert a.dtype == np.uint8 and a.ndim == 2
        self.glob(b"numpy.core.multiarray", b"_reconstruct")
        self.glob(b"numpy", b"ndarray")
        self.out += b"K\x00\x85"
        self.string(b"b")
        self.out += b"\x87R"
        self.put()
        self.out += b"(K\x01"
        self.int(a.shape[0])
        self.int(a.shape[1])
        self.out += b"\x86"
        self.glob(b"numpy", b"dtype")
        self.string(b"u1")
        self.out += b"K\x00K\x01\x87R"
        self.put()
        self.out += b"(K\x03"
        self.string(b"|")
        self.out += b"NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x00tb\x89"
        self.string(a.tobytes())
        self.out += b"tb"

    def dump(self, d):
        self.out += b"}"
        self.put()
        self.out += b"("
        for k, v in d.items():
            self.string(k)
            self.value(v)
        self.out += b"u."
        return bytes(self.out)


class RestrictedUnpickler(pickle.Unpickler):
    """keras/src/datasets/npz_utils.py: only numpy array reconstruction."""

    ALLOWED = {("numpy", "ndarray"), ("numpy", "dtype"), ("numpy.core.multiarray", "_reconstruct"),
               ("numpy._core.multiarray", "_reconstruct")}

    def find_class(self, module, name):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"Refusing {module}.{name}")


def load_batch(raw, label_key="labels"):
    """keras/src/datasets/cifar.py load_batch."""
    d = RestrictedUnpickler(io.BytesIO(raw), encoding="bytes").load()
    d = {k.decode("utf8"): v for k, v in d.items()}
    data = d["data"]
    return data.reshape(data.shape[0], 3, 32, 32), d[label_key]


def tar_gz(path, members):
    with tarfile.open(path, "w:gz", format=tarfile.GNU_FORMAT) as tar:
        for name, raw in members:
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            info.mtime = 1234567890
            tar.addfile(info, io.BytesIO(raw))


def images(n):
    return RNG.randint(0, 256, size=(n, 3072)).astype(np.uint8)


def sha256_of(a):
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


def make_cifar10(expected):
    sizes = [3, 2, 4, 1, 2]
    members = [("cifar-10-batches-py/batches.meta",
                Py2Pickler().dump({b"label_names": [b"airplane", b"automobile"], b"num_vis": 3072}))]
    raws = []
    for i, n in enumerate(sizes, start=1):
        batch = {b"batch_label": b"training batch %d of 5" % i, b"labels": list(RNG.randint(0, 10, n).tolist()),
                 b"data": images(n), b"filenames": [b"img_%d_%d.png" % (i, j) for j in range(n)]}
        raws.append(("cifar-10-batches-py/data_batch_%d" % i, Py2Pickler().dump(batch)))
    test = {b"batch_label": b"testing batch 1 of 1", b"labels": RNG.randint(0, 10, 3).tolist(), b"data": images(3),
            b"filenames": [b"t%d.png" % j for j in range(3)]}
    raws.append(("cifar-10-batches-py/test_batch", Py2Pickler().dump(test)))
    members += raws + [("cifar-10-batches-py/readme.html", b"<html></html>")]
    tar_gz(os.path.join(OUT, "cifar-10-python.tar.gz"), members)
    # keras/src/datasets/cifar10.py (batches of any size instead of 10000).
    parts = [load_batch(raw) for _, raw in raws[:5]]
    x_train = np.concatenate([p[0] for p in parts]).astype("uint8")
    y_train = np.concatenate([np.asarray(p[1]) for p in parts]).astype("uint8")
    x_test, y_test = load_batch(raws[5][1])
    y_train = np.reshape(y_train, (len(y_train), 1))
    y_test = np.reshape(y_test, (len(y_test), 1)).astype(y_train.dtype)
    x_train = x_train.transpose(0, 2, 3, 1)
    x_test = x_test.transpose(0, 2, 3, 1).astype(x_train.dtype)
    expected["cifar10"] = {"x_train_shape": list(x_train.shape), "x_train_sha256": sha256_of(x_train),
                           "x_test_shape": list(x_test.shape), "x_test_sha256": sha256_of(x_test),
                           "y_train": y_train[:, 0].tolist(), "y_test": y_test[:, 0].tolist(),
                           "y_dtype": str(y_train.dtype), "x_train_first_pixels": x_train[0, 0, :2].tolist()}


def make_cifar100(expected):
    def batch(n, label):
        return {b"filenames": [b"f%d.png" % j for j in range(n)], b"batch_label": label,
                b"fine_labels": RNG.randint(0, 100, n).tolist(), b"coarse_labels": RNG.randint(0, 20, n).tolist(),
                b"data": images(n)}
    train, test = Py2Pickler().dump(batch(5, b"training batch 1 of 1")), Py2Pickler().dump(batch(2, b"testing"))
    tar_gz(os.path.join(OUT, "cifar-100-python.tar.gz"),
           [("cifar-100-python/file.txt~", b""), ("cifar-100-python/train", train),
            ("cifar-100-python/test", test), ("cifar-100-python/meta", Py2Pickler().dump({b"fine_label_names": []}))])
    for mode in ("fine", "coarse"):
        # keras/src/datasets/cifar100.py
        x_train, y_train = load_batch(train, label_key=mode + "_labels")
        x_test, y_test = load_batch(test, label_key=mode + "_labels")
        y_train = np.reshape(y_train, (len(y_train), 1))
        y_test = np.reshape(y_test, (len(y_test), 1))
        x_train = x_train.transpose(0, 2, 3, 1)
        x_test = x_test.transpose(0, 2, 3, 1)
        expected["cifar100_" + mode] = {
            "x_train_shape": list(x_train.shape), "x_train_sha256": sha256_of(x_train),
            "x_test_shape": list(x_test.shape), "x_test_sha256": sha256_of(x_test),
            "y_train": y_train[:, 0].tolist(), "y_test": y_test[:, 0].tolist(), "y_dtype": str(y_train.dtype)}


def object_array(seqs):
    a = np.empty(len(seqs), dtype=object)
    for i, s in enumerate(seqs):
        a[i] = s
    return a


def sequences(n, vocab):
    return [RNG.randint(1, vocab, size=RNG.randint(1, 25)).tolist() for _ in range(n)]


def load_npz(path):
    """keras/src/datasets/npz_utils.py load_npz, equivalent to np.load(allow_pickle=True) for these files."""
    with np.load(path, allow_pickle=True) as f:
        return {k: f[k] for k in f.files}


def remove_long_seq(maxlen, seq, label):
    """keras/src/utils/python_utils.py remove_long_seq."""
    new_seq, new_label = [], []
    for x, y in zip(seq, label):
        if len(x) < maxlen:
            new_seq.append(x)
            new_label.append(y)
    return new_seq, new_label


def imdb_load(path, num_words=None, skip_top=0, maxlen=None, seed=113, start_char=1, oov_char=2, index_from=3):
    """keras/src/datasets/imdb.py load_data after get_file."""
    f = load_npz(path)
    x_train, labels_train = f["x_train"], f["y_train"]
    x_test, labels_test = f["x_test"], f["y_test"]
    rng = np.random.RandomState(seed)
    indices = np.arange(len(x_train))
    rng.shuffle(indices)
    x_train = x_train[indices]
    labels_train = labels_train[indices]
    indices = np.arange(len(x_test))
    rng.shuffle(indices)
    x_test = x_test[indices]
    labels_test = labels_test[indices]
    if start_char is not None:
        x_train = [[start_char] + [w + index_from for w in x] for x in x_train]
        x_test = [[start_char] + [w + index_from for w in x] for x in x_test]
    elif index_from:
        x_train = [[w + index_from for w in x] for x in x_train]
        x_test = [[w + index_from for w in x] for x in x_test]
    else:
        x_train = [[w for w in x] for x in x_train]
        x_test = [[w for w in x] for x in x_test]
    if maxlen:
        x_train, labels_train = remove_long_seq(maxlen, x_train, labels_train)
        x_test, labels_test = remove_long_seq(maxlen, x_test, labels_test)
    xs = x_train + x_test
    labels = np.concatenate([labels_train, labels_test])
    if not num_words:
        num_words = max(max(x) for x in xs)
    if oov_char is not None:
        xs = [[w if (skip_top <= w < num_words) else oov_char for w in x] for x in xs]
    else:
        xs = [[w for w in x if skip_top <= w < num_words] for x in xs]
    idx = len(x_train)
    return (xs[:idx], labels[:idx].tolist()), (xs[idx:], labels[idx:].tolist())


def reuters_load(path, num_words=None, skip_top=0, maxlen=None, test_split=0.2, seed=113, start_char=1, oov_char=2,
                 index_from=3):
    """keras/src/datasets/reuters.py load_data after get_file."""
    f = load_npz(path)
    xs, labels = f["x"], f["y"]
    rng = np.random.RandomState(seed)
    indices = np.arange(len(xs))
    rng.shuffle(indices)
    xs = xs[indices]
    labels = labels[indices]
    if start_char is not None:
        xs = [[start_char] + [w + index_from for w in x] for x in xs]
    elif index_from:
        xs = [[w + index_from for w in x] for x in xs]
    if maxlen:
        xs, labels = remove_long_seq(maxlen, xs, labels)
    if not num_words:
        num_words = max(max(x) for x in xs)
    if oov_char is not None:
        xs = [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    else:
        xs = [[w for w in x if skip_top <= w < num_words] for x in xs]
    idx = int(len(xs) * (1 - test_split))
    xs = [list(x) for x in xs]
    labels = np.asarray(labels)
    return (xs[:idx], labels[:idx].tolist()), (xs[idx:], labels[idx:].tolist())


def housing_load(path, test_split, seed, small=None):
    """keras/src/datasets/boston_housing.py and california_housing.py load_data after get_file."""
    f = load_npz(path)
    x, y = f["x"], f["y"]
    if small:
        x, y = x[:small], y[:small]
    rng = np.random.RandomState(seed)
    indices = np.arange(len(x))
    rng.shuffle(indices)
    x, y = x[indices], y[indices]
    cut = int(len(x) * (1 - test_split))
    return {"x_train": x[:cut].tolist(), "y_train": y[:cut].tolist(), "x_test": x[cut:].tolist(),
            "y_test": y[cut:].tolist(), "x_dtype": str(x.dtype)}


def make_text(expected):
    imdb = os.path.join(OUT, "imdb.npz")
    np.savez(imdb, x_train=object_array(sequences(40, 120)), y_train=RNG.randint(0, 2, 40).astype(np.int64),
             x_test=object_array(sequences(30, 120)), y_test=RNG.randint(0, 2, 30).astype(np.int64))
    cases = [("default", {}), ("filtered", {"num_words": 50, "skip_top": 5, "maxlen": 20}),
             ("raw", {"start_char": None, "oov_char": None, "index_from": 0, "num_words": 60, "seed": 7}),
             ("no_start", {"start_char": None, "index_from": 2, "skip_top": 10})]
    expected["imdb"] = [dict(name=n, args=a, **dict(zip(("train", "test"), imdb_load(imdb, **a)))) for n, a in cases]
    reuters = os.path.join(OUT, "reuters.npz")
    np.savez(reuters, x=object_array(sequences(57, 90)), y=RNG.randint(0, 46, 57).astype(np.int64))
    cases = [("default", {}), ("filtered", {"num_words": 40, "skip_top": 3, "maxlen": 15, "test_split": 0.3}),
             ("raw", {"start_char": None, "oov_char": None, "index_from": 0, "seed": 1, "test_split": 0.1})]
    expected["reuters"] = [dict(name=n, args=a, **dict(zip(("train", "test"), reuters_load(reuters, **a))))
                           for n, a in cases]
    for name, words in (("imdb_word_index.json", ["the", "and", "a", "of"]),
                        ("reuters_word_index.json", ["said", "the", "mln", "dlrs", "vs"])):
        with open(os.path.join(OUT, name), "w") as f:
            json.dump({w: i + 1 for i, w in enumerate(words)}, f)


def make_housing(expected):
    boston = os.path.join(OUT, "boston_housing.npz")
    np.savez(boston, x=RNG.uniform(0, 100, (23, 13)), y=RNG.uniform(5, 50, 23))
    expected["boston"] = [dict(args={"test_split": s, "seed": seed}, **housing_load(boston, s, seed))
                          for s, seed in ((0.2, 113), (0.35, 5), (0.0, 113))]
    california = os.path.join(OUT, "california_housing.npz")
    np.savez(california, x=RNG.uniform(-120, 500, (30, 8)).astype(np.float32),
             y=RNG.uniform(2e4, 5e5, 30).astype(np.float32))
    # The small version keeps Keras' first 600 samples; these fixtures keep the first 12 (the count is an argument).
    expected["california"] = [dict(args={"version": v, "test_split": s}, **housing_load(california, s, 113, small))
                              for v, s, small in (("large", 0.2, None), ("small", 0.25, 12))]


class Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def make_malicious():
    np.savez(os.path.join(OUT, "malicious_reuters.npz"), x=object_array([[1, 2], Evil()]), y=np.array([0, 1]))
    # A batch whose "data" is os.system("echo pwned"): GLOBAL 'os system', its argument tuple, REDUCE.
    evil_batch = b"\x80\x02}q\x01(U\x04dataq\x02cos\nsystem\nq\x03U\x0aecho pwnedq\x04\x85Rq\x05u."
    tar_gz(os.path.join(OUT, "malicious-cifar-10-python.tar.gz"), [("cifar-10-batches-py/data_batch_1", evil_batch)])


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    make_cifar10(expected)
    make_cifar100(expected)
    make_text(expected)
    make_housing(expected)
    make_malicious()
    expected["files"] = {}
    for name in sorted(os.listdir(OUT)):
        if name != "expected.json":
            raw = open(os.path.join(OUT, name), "rb").read()
            expected["files"][name] = {"sha256": hashlib.sha256(raw).hexdigest(), "md5": hashlib.md5(raw).hexdigest()}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
