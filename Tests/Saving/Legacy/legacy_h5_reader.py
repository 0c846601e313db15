"""Independent reader of a Keras 2 legacy HDF5 file written by Keras.Net.

Replays tf-keras' legacy loader (tf_keras/saving/legacy/hdf5_format.py) with plain h5py: the chunked
`layer_names`/`weight_names` attributes, datasets found by their weight name as a relative path, and
json.loads of `model_config`/`training_config`. Prints one JSON document describing what a Keras loader sees,
and exits non-zero when the layout breaks a rule of keras-formats.md section 1.

usage: legacy_h5_reader.py FILE [full|weights]
"""
import json
import sys

import h5py
import numpy as np


def load_attributes(group, name):
    """tf-keras load_attributes_from_hdf5_group."""
    if name in group.attrs:
        data = [n.decode("utf8") if hasattr(n, "decode") else n for n in group.attrs[name]]
    else:
        data = []
        chunk_id = 0
        while f"{name}{chunk_id}" in group.attrs:
            data.extend(n.decode("utf8") if hasattr(n, "decode") else n for n in group.attrs[f"{name}{chunk_id}"])
            chunk_id += 1
    return data


def text(value):
    return value.decode("utf8") if hasattr(value, "decode") else value


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def read_weights(root):
    layers = []
    for name in load_attributes(root, "layer_names"):
        if name not in root:
            fail(f"layer {name} listed in layer_names has no group")
        g = root[name]
        weight_names = load_attributes(g, "weight_names")
        if len(weight_names) == 0 and "weight_names" in g.attrs:
            raw = g.attrs["weight_names"]
            if raw.dtype != np.float64 or raw.shape != (0,):
                fail(f"empty weight_names of {name} must be float64 (0,), got {raw.dtype} {raw.shape}")
        weights = []
        for weight_name in weight_names:
            ds = g[weight_name]
            if ds.chunks is not None or ds.compression is not None:
                fail(f"{name}/{weight_name} must be contiguous and uncompressed")
            value = np.asarray(ds)
            weights.append({"name": weight_name, "shape": list(value.shape), "dtype": str(value.dtype),
                            "sum": float(np.sum(value.astype(np.float64)))})
        layers.append({"name": name, "weights": weights})
    top = None
    if "top_level_model_weights" in root:
        top = load_attributes(root["top_level_model_weights"], "weight_names")
    return {"backend": text(root.attrs.get("backend")), "keras_version": text(root.attrs.get("keras_version")),
            "layers": layers, "top_level_model_weights": top}


def main():
    path = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "full"
    with h5py.File(path, "r") as f:
        out = {}
        if mode == "full":
            for key in ("keras_version", "backend", "model_config"):
                if key not in f.attrs:
                    fail(f"root attribute {key} missing")
            out["keras_version"] = text(f.attrs["keras_version"])
            out["backend"] = text(f.attrs["backend"])
            out["model_config"] = json.loads(text(f.attrs["model_config"]))
            if "training_config" in f.attrs:
                out["training_config"] = json.loads(text(f.attrs["training_config"]))
            out["model_weights"] = read_weights(f["model_weights"])
            if "optimizer_weights" in f:
                g = f["optimizer_weights"]
                names = load_attributes(g, "weight_names")
                out["optimizer_weights"] = [
                    {"name": n, "shape": list(g[n].shape), "dtype": str(g[n].dtype)} for n in names]
        else:
            out["weights"] = read_weights(f)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
