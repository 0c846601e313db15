#!/usr/bin/python3
"""Writes Keras' file layouts for the golden models of Fixtures/models.json (made by generate.mjs with tfjs).

An independent writer: Debian's h5py 3.7 + zipfile + json, NO Keras. It replays the h5py calls Keras makes
(docs: /work/shared/reference/keras-formats.md sections 1 and 2, and keras-team/tf-keras
tf_keras/saving/legacy/hdf5_format.py, keras-team/keras keras/src/saving/saving_lib.py), so the files have the
string types, attribute lists, group paths and archive members real Keras files have:

  <model>.h5                   tf-keras 2.15 full model (vlen str attrs; mlp also training_config with Custom>Adam
                               and optimizer_weights); deep.h5 has chunked layer_names0, layer_names1
  two_towers_keras224.h5       standalone Keras 2.2.4 / h5py 2 style: fixed-length S<n> attrs, class_name "Model",
                               layer names dense_1 ..., weight names dense_1/kernel:0, SGD training_config
  cnn_legacy_weights.h5        tf-keras 2.15 save_weights (legacy weights-only, attrs at the root)
  <model>.keras                Keras 3 archive (config.json in Keras 3 envelopes, metadata.json, model.weights.h5;
                               mlp also compile_config and /optimizer/vars)
  two_towers_tfkeras213.keras  tf-keras 2.13 archive: legacy nested-list nodes, "float32" dtypes,
                               weights under _layer_checkpoint_dependencies/
  cnn.weights.h5, bidi.weights.h5   Keras 3 save_weights

Run: /usr/bin/python3 Tests/Golden/Saving/write_keras_files.py (after node Saving/generate.mjs).
"""
import copy
import io
import json
import os
import re
import zipfile

import h5py
import numpy as np

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures")
HDF5_OBJECT_HEADER_LIMIT = 64512
RNN = {"LSTM", "GRU", "SimpleRNN"}
MODELS = {"Sequential", "Model", "Functional"}
POLICY = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def snake(name):
    """Keras' to_snake_case (keras/src/utils/naming.py)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def value(w):
    return np.asarray(w["data"], dtype=np.float32).reshape(w["shape"])


# ----------------------------------------------------------------------------------------------------------------
# Keras 2 topology as tf-keras writes it
# ----------------------------------------------------------------------------------------------------------------

def k2_layer_config(class_name, cfg):
    """tfjs leaves a few Keras 2 keys null or out; tf-keras writes them with their values."""
    cfg = copy.deepcopy(cfg)
    cfg.setdefault("dtype", "float32")
    if class_name == "InputLayer":
        cfg.setdefault("ragged", False)
    if class_name in RNN:
        if class_name == "LSTM":
            cfg["unit_forget_bias"] = True
        cfg["implementation"] = 2
        cfg["time_major"] = False
    if class_name == "Embedding" and cfg.get("mask_zero") is None:
        cfg["mask_zero"] = False
    if class_name == "Bidirectional":
        inner = cfg["layer"]
        inner["config"] = k2_layer_config(inner["class_name"], inner["config"])
    if class_name in MODELS:
        cfg = k2_model_config(class_name, cfg)
    return cfg


def k2_model_config(class_name, cfg):
    cfg = copy.deepcopy(cfg)
    layers = []
    for entry in cfg["layers"]:
        entry = dict(entry)
        entry["config"] = k2_layer_config(entry["class_name"], entry["config"])
        layers.append(entry)
    if class_name == "Sequential" and layers[0]["class_name"] != "InputLayer":
        first = layers[0]["config"]
        # tf-keras adds an InputLayer named "<first layer>_input" when the first layer got input_shape.
        layers.insert(0, {"class_name": "InputLayer", "config": {
            "batch_input_shape": first["batch_input_shape"], "dtype": "float32", "sparse": False, "ragged": False,
            "name": first["name"] + "_input"}})
    cfg["layers"] = layers
    return cfg


def tf_keras_topology(model):
    top = model["topology"]
    class_name = "Functional" if top["class_name"] == "Model" else top["class_name"]
    return {"class_name": class_name, "config": k2_model_config(top["class_name"], top["config"])}


def tf_weight_name(layer, index, weight):
    """tf-keras variable names: "dense/kernel:0", "lstm/lstm_cell/kernel:0",
    "bidirectional/forward_lstm/lstm_cell/kernel:0"; a nested model's weights keep their own layers' names."""
    tfjs = weight["tfjs_name"]
    parts = tfjs.split("/")
    if layer["class_name"] in RNN:
        parts.insert(1, snake(layer["class_name"]) + "_cell")
    elif layer["class_name"] == "Bidirectional":
        inner = parts[1].split("_", 1)[1]
        cell = {"lstm": "lstm_cell", "gru": "gru_cell", "simple_rnn": "simple_rnn_cell"}[inner]
        parts.insert(2, cell)
    return "/".join(parts) + ":0"


# ----------------------------------------------------------------------------------------------------------------
# Legacy HDF5 (tf-keras hdf5_format.py)
# ----------------------------------------------------------------------------------------------------------------

def save_attributes_to_hdf5_group(group, name, data):
    """tf-keras' chunking rule: layer_names0, layer_names1, ... when the list would pass 64512 bytes."""
    data_npy = np.asarray(data)
    num_chunks = 1
    chunked = np.array_split(data_npy, num_chunks)
    while any(x.nbytes > HDF5_OBJECT_HEADER_LIMIT for x in chunked):
        num_chunks += 1
        chunked = np.array_split(data_npy, num_chunks)
    if num_chunks > 1:
        for i, chunk in enumerate(chunked):
            group.attrs["%s%d" % (name, i)] = chunk
    else:
        group.attrs[name] = data


def write_layer_weights(root, layers, name_of, old_style=False):
    """One group per layer (created in name order), weight_names in legacy order, datasets at relative paths."""
    for layer in sorted(layers, key=lambda l: l["name"]):
        g = root.create_group(layer["name"])
        names = [name_of(layer, i, w) for i, w in enumerate(layer["weights"])]
        encoded = [n.encode("utf8") for n in names]
        if old_style and encoded:
            g.attrs["weight_names"] = np.array(encoded, dtype="S%d" % max(len(n) for n in encoded))
        else:
            save_attributes_to_hdf5_group(g, "weight_names", encoded)
        for n, w in zip(names, layer["weights"]):
            v = value(w)
            d = g.create_dataset(n, v.shape, dtype=v.dtype)
            if not v.shape:
                d[()] = v
            else:
                d[:] = v


def layer_list(model, topology):
    """model.layers as tf-keras has them: the InputLayer(s) of a functional model, not those of a Sequential."""
    layers = list(model["layers"])
    if topology["class_name"] == "Sequential":
        layers = [l for l in layers if l["class_name"] != "InputLayer"]
    return layers


def write_weights_group(group, model, topology, keras_version, old_style=False, top_level=True):
    layers = layer_list(model, topology)
    names = [l["name"].encode("utf8") for l in layers]
    if old_style:
        group.attrs["layer_names"] = np.array(names, dtype="S%d" % max(len(n) for n in names))
        group.attrs["backend"] = np.bytes_(b"tensorflow")
        group.attrs["keras_version"] = np.bytes_(keras_version.encode("utf8"))
    else:
        save_attributes_to_hdf5_group(group, "layer_names", names)
        group.attrs["backend"] = "tensorflow".encode("utf8")
        group.attrs["keras_version"] = str(keras_version).encode("utf8")
    write_layer_weights(group, layers, tf_weight_name, old_style)
    if top_level:
        tl = group.create_group("top_level_model_weights")
        tl.attrs["weight_names"] = []


def adam_state(model):
    """Deterministic optimizer state: iteration 3, m and v (positive) per trainable weight."""
    rs = np.random.RandomState(5)
    state = []
    for layer in model["layers"]:
        for w in layer["weights"]:
            shape = tuple(w["shape"])
            m = rs.uniform(-0.01, 0.01, size=shape).astype(np.float32)
            v = rs.uniform(0.0001, 0.001, size=shape).astype(np.float32)
            state.append((layer, w, m, v))
    return state


def tf_keras_training_config(compile_):
    return {
        "loss": compile_["loss"],
        "metrics": [[{"class_name": "MeanMetricWrapper",
                      "config": {"name": "accuracy", "dtype": "float32", "fn": "categorical_accuracy"}}]],
        "weighted_metrics": None, "loss_weights": None,
        "optimizer_config": {"class_name": "Custom>Adam", "config": {
            "name": "Adam", "weight_decay": None, "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
            "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None, "jit_compile": True,
            "is_legacy_optimizer": False, "learning_rate": compile_["learning_rate"], "beta_1": 0.9,
            "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}}}


def write_tf_keras_h5(model, path):
    """tf-keras 2.15 model.save("x.h5") (save_model_to_hdf5)."""
    topology = tf_keras_topology(model)
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(topology).encode("utf8")
        compile_ = model["compile"]
        if compile_ and compile_["optimizer"] == "adam":
            f.attrs["training_config"] = json.dumps(tf_keras_training_config(compile_)).encode("utf8")
        write_weights_group(f.create_group("model_weights"), model, topology, "2.15.0")
        if compile_ and compile_["optimizer"] == "adam":
            names, values = ["Adam/iteration:0"], [np.array(3, dtype=np.int64)]
            for layer, w, m, v in adam_state(model):
                base = tf_weight_name(layer, 0, w)[:-2]
                names += ["Adam/m/%s:0" % base, "Adam/v/%s:0" % base]
                values += [m, v]
            g = f.create_group("optimizer_weights")
            save_attributes_to_hdf5_group(g, "weight_names", [n.encode("utf8") for n in names])
            for n, v in zip(names, values):
                d = g.create_dataset(n, v.shape, dtype=v.dtype)
                if not v.shape:
                    d[()] = v
                else:
                    d[:] = v


def write_legacy_weights(model, path):
    """tf-keras 2.15 model.save_weights("x.h5"): the model_weights layout at the root."""
    topology = tf_keras_topology(model)
    with h5py.File(path, "w") as f:
        write_weights_group(f, model, topology, "2.15.0")


def rename(obj, mapping):
    """Renames layers throughout a topology (quoted names only), through placeholders so chains cannot collide."""
    text = json.dumps(obj)
    for i, old in enumerate(mapping):
        text = text.replace('"%s"' % old, '"@@%d@@"' % i)
    for i, new in enumerate(mapping.values()):
        text = text.replace('"@@%d@@"' % i, '"%s"' % new)
    return json.loads(text)


def write_keras224_h5(model, path):
    """Standalone Keras 2.2.4 on h5py 2: fixed-length strings everywhere, class "Model", layer names numbered
    from 1 (dense_1 ...), TF1 variable names (dense_1/kernel:0), legacy SGD training_config, no optimizer state."""
    mapping = {"input_a": "input_1", "input_b": "input_2", "shared": "dense_1", "concatenate": "concatenate_1",
               "add": "add_1", "out_class": "dense_2", "out_value": "dense_3"}
    top = rename(model["topology"], mapping)
    top = {"class_name": "Model", "config": k2_model_config("Model", top["config"])}
    for entry in top["config"]["layers"]:
        entry["config"].pop("ragged", None)  # Keras 2.2.4's InputLayer had no ragged key
    renamed = rename({"layers": model["layers"]}, mapping)
    for layer in renamed["layers"]:
        for w in layer["weights"]:
            w["tfjs_name"] = "%s/%s" % (layer["name"], w["name"])
    old = dict(model, layers=renamed["layers"])
    training = {"optimizer_config": {"class_name": "SGD", "config": {
                    "lr": 0.05, "momentum": 0.0, "decay": 0.0, "nesterov": False}},
                "loss": ["categorical_crossentropy", "mean_squared_error"], "metrics": [],
                "sample_weight_mode": None, "loss_weights": None}
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = np.bytes_(b"2.2.4")
        f.attrs["backend"] = np.bytes_(b"tensorflow")
        f.attrs["model_config"] = np.bytes_(json.dumps(top).encode("utf8"))
        f.attrs["training_config"] = np.bytes_(json.dumps(training).encode("utf8"))
        write_weights_group(f.create_group("model_weights"), old, top, "2.2.4", old_style=True, top_level=False)


# ----------------------------------------------------------------------------------------------------------------
# Keras 3: config.json envelopes (serialization_lib.py) and the saveable walk (saving_lib.py)
# ----------------------------------------------------------------------------------------------------------------

def k3_object(module, class_name, config):
    return {"module": module, "class_name": class_name, "config": config, "registered_name": None}


def k3_layer_config(class_name, cfg, name=None):
    cfg = copy.deepcopy(cfg)
    for key in ("batch_input_shape", "input_length", "implementation", "time_major"):
        cfg.pop(key, None)
    if name is not None:
        cfg["name"] = name
    cfg["trainable"] = cfg.get("trainable", True)
    cfg["dtype"] = POLICY
    for key, v in list(cfg.items()):
        if key.endswith("_initializer") and isinstance(v, dict):
            cfg[key] = k3_object("keras.initializers", v["class_name"], v["config"])
    if class_name == "LSTM":
        cfg["unit_forget_bias"] = True
    if class_name in RNN:
        cfg["seed"] = None
        cfg["zero_output_for_mask"] = False
    if class_name == "Embedding" and cfg.get("mask_zero") is None:
        cfg["mask_zero"] = False
    if class_name == "BatchNormalization":
        cfg["synchronized"] = False
    return cfg


def k3_layer(layer_cfg, shapes):
    """The Keras 3 envelope of one layer of a Keras 2 topology; shapes: layer name → (input, output) shapes."""
    class_name, name = layer_cfg["class_name"], layer_cfg["config"]["name"]
    if class_name == "InputLayer":
        c = layer_cfg["config"]
        return k3_object("keras.layers", "InputLayer", {
            "batch_shape": c["batch_input_shape"], "dtype": "float32", "sparse": False, "ragged": False,
            "name": name, "optional": False})
    if class_name in MODELS:
        env = k3_model(layer_cfg, shapes, None)
        return env
    cfg = k3_layer_config(class_name, layer_cfg["config"])
    if class_name == "Bidirectional":
        inner = layer_cfg["config"]["layer"]
        inner_name = inner["config"]["name"]
        forward = k3_layer_config(inner["class_name"], inner["config"], "forward_" + inner_name)
        backward = k3_layer_config(inner["class_name"], inner["config"], "backward_" + inner_name)
        backward["go_backwards"] = True
        build = {"input_shape": shapes[name][0]}
        cfg = {"name": name, "trainable": True, "dtype": POLICY, "merge_mode": layer_cfg["config"]["merge_mode"],
               "layer": dict(k3_object("keras.layers", inner["class_name"], forward), build_config=build),
               "backward_layer": dict(k3_object("keras.layers", inner["class_name"], backward), build_config=build)}
    env = k3_object("keras.layers", class_name, cfg)
    env["build_config"] = {"input_shape": shapes[name][0]}
    return env


def keras_tensor(shapes, name, node_index, tensor_index):
    out = shapes[name][1]
    shape = out[tensor_index] if out and isinstance(out[0], list) else out
    return {"class_name": "__keras_tensor__",
            "config": {"shape": shape, "dtype": "float32", "keras_history": [name, node_index, tensor_index]}}


def k3_model(model_cfg, shapes, compile_config):
    """Keras 3 envelope of a Sequential or Functional model from its Keras 2 topology."""
    class_name, cfg = model_cfg["class_name"], model_cfg["config"]
    kinds = {l["config"]["name"]: l["class_name"] for l in cfg["layers"]}
    if class_name == "Sequential":
        layers = [k3_layer(l, shapes) for l in k2_model_config("Sequential", cfg)["layers"]]
        input_shape = layers[0]["config"]["batch_shape"]
        env = k3_object("keras", "Sequential", {"name": cfg["name"], "trainable": True, "dtype": POLICY,
                                                "layers": layers, "build_input_shape": input_shape})
        env["build_config"] = {"input_shape": input_shape}
    else:
        layers = []
        for l in cfg["layers"]:
            entry = k3_layer(l, shapes)
            entry["name"] = l["config"]["name"] if "name" not in l else l["name"]
            nodes = []
            for node in l["inbound_nodes"]:
                # K2 counts a nested model's own node as node 0; Keras 3 node arguments are 0-based per model.
                tensors = [keras_tensor(shapes, n, i - 1 if kinds.get(n) in MODELS else i, t)
                           for n, i, t, *rest in node]
                nodes.append({"args": tensors if len(tensors) == 1 else [tensors], "kwargs": {}})
            entry["inbound_nodes"] = nodes
            layers.append(entry)
        ins = [list(x) for x in cfg["input_layers"]]
        outs = [list(x) for x in cfg["output_layers"]]
        env = {"module": "keras.src.models.functional", "class_name": "Functional",
               "config": {"name": cfg["name"], "trainable": True, "layers": layers,
                          "input_layers": ins[0] if len(ins) == 1 else ins,
                          "output_layers": outs[0] if len(outs) == 1 else outs},
               "registered_name": "Functional", "build_config": {"input_shape": None}}
    if compile_config is not None:
        env["compile_config"] = compile_config
    return env


def shapes_of(model):
    shapes = {}

    def visit(layer):
        shapes[layer["name"]] = (layer.get("input_shape"), layer.get("output_shape"))
        for s in layer.get("layers", []):
            visit(s)

    for layer in model["layers"]:
        visit(layer)
    for layer_cfg in model["topology"]["config"]["layers"]:
        c = layer_cfg["config"]
        if "batch_input_shape" in c and layer_cfg["class_name"] != "InputLayer":
            shapes[c["name"] + "_input"] = (c["batch_input_shape"], c["batch_input_shape"])
    return shapes


class Slots:
    """Keras 3 container slots: snake_case(class) then _1, _2 per class within one container."""

    def __init__(self):
        self.counts = {}

    def next(self, class_name):
        base = snake(class_name)
        n = self.counts.get(base, 0)
        self.counts[base] = n + 1
        return base if n == 0 else "%s_%d" % (base, n)


def write_vars(h5, path, name, values):
    g = h5.create_group(path + "/vars" if path else "vars")
    if name is not None:
        g.attrs["name"] = name
    for i, v in enumerate(values):
        d = g.create_dataset(str(i), v.shape, dtype=v.dtype)
        if not v.shape:
            d[()] = v
        else:
            d[:] = v


def k3_class(layer):
    return "Functional" if layer["class_name"] in ("Model", "Functional") else layer["class_name"]


def write_k3_layer(h5, path, layer, sublayers_of_model, names=True):
    weights = [value(w) for w in layer["weights"]]
    kind = layer["class_name"]
    label = layer["name"] if names else None
    if kind in RNN:
        write_vars(h5, path, label, [])
        write_vars(h5, path + "/cell", snake(kind) + "_cell" if names else None, weights)
    elif kind == "Bidirectional":
        write_vars(h5, path, label, [])
        half = len(weights) // 2
        inner = layer["weights"][0]["tfjs_name"].split("/")[1].split("_", 1)[1]
        cell_class = {"lstm": "LSTM", "gru": "GRU", "simple_rnn": "SimpleRNN"}[inner]
        for direction, part in (("backward", weights[half:]), ("forward", weights[:half])):
            write_vars(h5, "%s/%s_layer" % (path, direction), direction + "_" + inner if names else None, [])
            write_vars(h5, "%s/%s_layer/cell" % (path, direction), snake(cell_class) + "_cell" if names else None,
                       part)
    elif kind in MODELS:
        write_vars(h5, path, label, [])
        write_k3_layers(h5, path + "/layers", sublayers_of_model(layer), names)
    else:
        write_vars(h5, path, label, weights)


def write_k3_layers(h5, container, layers, names=True):
    slots = Slots()
    for layer in layers:
        write_k3_layer(h5, "%s/%s" % (container, slots.next(k3_class(layer))), layer,
                       lambda l: [s for s in l["layers"] if s["class_name"] != "InputLayer"], names)


def k3_weights_h5(model, optimizer=False):
    """model.weights.h5 / x.weights.h5 (saving_lib._save_state over the model), as bytes."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5:
        write_vars(h5, "", model["name"], [])
        layers = model["layers"]
        if model["topology"]["class_name"] == "Sequential":
            layers = [l for l in layers if l["class_name"] != "InputLayer"]
        write_k3_layers(h5, "layers", layers)
        if optimizer:
            values = [np.array(3, dtype=np.int64), np.array(model["compile"]["learning_rate"], dtype=np.float32)]
            for _, _, m, v in adam_state(model):
                values += [m, v]
            write_vars(h5, "optimizer", "adam", values)
    return buffer.getvalue()


def k3_compile_config(compile_):
    return {"optimizer": k3_object("keras.optimizers", "Adam", {
                "name": "adam", "learning_rate": float(np.float32(compile_["learning_rate"])), "weight_decay": None,
                "clipnorm": None, "global_clipnorm": None, "clipvalue": None, "use_ema": False,
                "ema_momentum": 0.99, "ema_overwrite_frequency": None, "loss_scale_factor": None,
                "gradient_accumulation_steps": None, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
                "amsgrad": False}),
            "loss": compile_["loss"], "loss_weights": None, "metrics": compile_["metrics"],
            "weighted_metrics": None, "run_eagerly": False, "steps_per_execution": 1, "jit_compile": False}


def write_archive(path, metadata, config, weights):
    """saving_lib.save_model: metadata.json and config.json through ZipFile.open (1980 timestamps), then
    model.weights.h5 through writestr; all STORED."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        with z.open("metadata.json", "w") as f:
            f.write(json.dumps(metadata).encode())
        with z.open("config.json", "w") as f:
            f.write(json.dumps(config).encode())
        info = zipfile.ZipInfo("model.weights.h5", date_time=(2026, 11, 27, 1, 0, 0))
        z.writestr(info, weights)


def write_keras3(model, path):
    compile_ = model["compile"]
    adam = compile_ is not None and compile_["optimizer"] == "adam"
    config = k3_model(model["topology"], shapes_of(model), k3_compile_config(compile_) if adam else {})
    write_archive(path, {"keras_version": "3.5.0", "date_saved": "2026-11-27@01:00:00"}, config,
                  k3_weights_h5(model, optimizer=adam))


def write_keras3_weights(model, path):
    with open(path, "wb") as f:
        f.write(k3_weights_h5(model))


def write_tf_keras213(model, path):
    """tf-keras 2.13 model.save("x.keras"): Keras 3-style envelopes around Keras 2 layer configs (legacy nodes,
    "float32" dtypes), weights under _layer_checkpoint_dependencies/, vars groups without name attributes."""
    topology = tf_keras_topology(model)
    shapes = shapes_of(model)
    layers = []
    for l in topology["config"]["layers"]:
        cfg = copy.deepcopy(l["config"])
        for key, v in list(cfg.items()):
            if key.endswith("_initializer") and isinstance(v, dict):
                cfg[key] = k3_object("keras.initializers", v["class_name"], v["config"])
        entry = k3_object("keras.layers", l["class_name"], cfg)
        if l["class_name"] != "InputLayer":
            entry["build_config"] = {"input_shape": shapes[l["name"]][0]}
        entry["name"] = l["name"]
        entry["inbound_nodes"] = l["inbound_nodes"]
        layers.append(entry)
    config = {"module": "keras.engine.functional", "class_name": "Functional",
              "config": dict(topology["config"], layers=layers), "registered_name": "Functional",
              "build_config": {"input_shape": None}}
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5:
        write_k3_layers(h5, "_layer_checkpoint_dependencies", model["layers"], names=False)
    write_archive(path, {"keras_version": "2.13.1", "date_saved": "2026-11-27@01:00:00"}, config,
                  buffer.getvalue())


def main():
    models = {m["name"]: m for m in json.load(open(os.path.join(HERE, "models.json")))["models"]}
    out = lambda name: os.path.join(HERE, name)
    for name in ("mlp", "cnn", "text", "bidi", "two_towers", "nested", "deep"):
        write_tf_keras_h5(models[name], out(name + ".h5"))
    write_keras224_h5(models["two_towers"], out("two_towers_keras224.h5"))
    write_legacy_weights(models["cnn"], out("cnn_legacy_weights.h5"))
    for name in ("mlp", "cnn", "text", "bidi", "two_towers", "nested"):
        write_keras3(models[name], out(name + ".keras"))
    write_tf_keras213(models["two_towers"], out("two_towers_tfkeras213.keras"))
    write_keras3_weights(models["cnn"], out("cnn.weights.h5"))
    write_keras3_weights(models["bidi"], out("bidi.weights.h5"))
    for f in sorted(os.listdir(HERE)):
        if os.path.isfile(out(f)):
            print("%-32s %7d bytes" % (f, os.path.getsize(out(f))))


if __name__ == "__main__":
    main()
