"""Writes a full-model .h5 the way tf-keras 2.15 writes it (h5py calls replayed from
tf_keras/saving/legacy/hdf5_format.py), with known weights, and prints the model's softmax output for a fixed
input as JSON, computed with numpy: an independent fixture for Keras.Net's legacy loader.

With "keras3" as second argument it writes the variant of Keras 3's legacy writer instead
(keras/src/legacy/saving/legacy_h5_format.py): weight names are variable paths without ":0", keras_version is 3.x,
training_config has Keras 3's optimizer config, and optimizer_weights holds Keras 3's Adam variables (iteration,
learning_rate, then momentum and velocity per weight).

usage: make_tf_keras_file.py OUT.h5 [tf_keras|keras3]
"""
import json
import sys

import h5py
import numpy as np

rng = np.random.RandomState(1234)
kernel = rng.uniform(-1, 1, (4, 5)).astype("float32")
bias = rng.uniform(-1, 1, (5,)).astype("float32")
kernel_1 = rng.uniform(-1, 1, (5, 3)).astype("float32")
bias_1 = rng.uniform(-1, 1, (3,)).astype("float32")
x = rng.uniform(0, 1, (6, 4)).astype("float32")


def dense(name, units, activation, batch_input_shape=None):
    config = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
              "use_bias": True,
              "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                     "config": {"seed": None}, "registered_name": None},
              "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                   "registered_name": None},
              "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
              "kernel_constraint": None, "bias_constraint": None}
    if batch_input_shape is not None:
        config["batch_input_shape"] = batch_input_shape
    return {"module": "keras.layers", "class_name": "Dense", "config": config, "registered_name": None,
            "build_config": {"input_shape": [None, 4 if name == "dense" else 5]}}


model_config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    {"module": "keras.layers", "class_name": "InputLayer",
     "config": {"batch_input_shape": [None, 4], "dtype": "float32", "sparse": False, "ragged": False,
                "name": "dense_input"}, "registered_name": None},
    dense("dense", 5, "relu", [None, 4]),
    dense("dense_1", 3, "softmax")]}, "keras_version": "2.15.0", "backend": "tensorflow"}

training_config = {
    "loss": "categorical_crossentropy",
    "metrics": [[{"class_name": "MeanMetricWrapper",
                  "config": {"name": "accuracy", "dtype": "float32", "fn": "categorical_accuracy"}}]],
    "weighted_metrics": None, "loss_weights": None,
    "optimizer_config": {"class_name": "Custom>Adam",
                         "config": {"name": "Adam", "weight_decay": None, "clipnorm": None, "global_clipnorm": None,
                                    "clipvalue": None, "use_ema": False, "ema_momentum": 0.99,
                                    "ema_overwrite_frequency": None, "jit_compile": True,
                                    "is_legacy_optimizer": False, "learning_rate": 0.0020000000949949026,
                                    "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}}}

keras3 = len(sys.argv) > 2 and sys.argv[2] == "keras3"
if keras3:
    training_config = {
        "loss": "categorical_crossentropy", "loss_weights": None, "metrics": ["accuracy"], "weighted_metrics": None,
        "run_eagerly": False, "steps_per_execution": 1, "jit_compile": False,
        "optimizer_config": {"class_name": "Adam",
                             "config": {"name": "adam", "learning_rate": 0.0020000000949949026, "weight_decay": None,
                                        "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
                                        "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None,
                                        "loss_scale_factor": None, "gradient_accumulation_steps": None,
                                        "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}}}
suffix = "" if keras3 else ":0"

with h5py.File(sys.argv[1], "w") as f:
    f.attrs["keras_version"] = "3.3.3" if keras3 else "2.15.0"
    f.attrs["backend"] = "tensorflow"
    f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
    f.attrs["training_config"] = json.dumps(training_config).encode("utf8")
    weights = f.create_group("model_weights")
    weights.attrs["layer_names"] = [b"dense", b"dense_1"]
    weights.attrs["backend"] = b"tensorflow"
    weights.attrs["keras_version"] = b"2.15.0"
    for name, values in (("dense", (kernel, bias)), ("dense_1", (kernel_1, bias_1))):
        g = weights.create_group(name)
        names = [f"{name}/kernel{suffix}".encode(), f"{name}/bias{suffix}".encode()]
        g.attrs["weight_names"] = names
        for n, v in zip(names, values):
            g.create_dataset(n, v.shape, dtype=v.dtype)[:] = v
    top = weights.create_group("top_level_model_weights")
    top.attrs["weight_names"] = []
    opt = f.create_group("optimizer_weights")
    variables = ("dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias")
    if keras3:
        # Keras 3's Adam: iteration, learning_rate, then momentum and velocity per variable.
        opt_names = [b"adam/iteration", b"adam/learning_rate"] + [
            f"adam/{w.replace('/', '_')}_{k}".encode() for w in variables for k in ("momentum", "velocity")]
    else:
        # tf-keras' new Adam: iteration, then m and v per variable; no learning-rate variable.
        opt_names = [b"iteration:0"] + [f"Adam/{k}/{w}:0".encode() for w in variables for k in ("m", "v")]
    opt.attrs["weight_names"] = opt_names
    opt.create_dataset(opt_names[0], data=np.int64(7))
    slots = opt_names[1:]
    if keras3:
        opt.create_dataset(opt_names[1], data=np.float32(0.002))
        slots = opt_names[2:]
    shapes = [s for s in ((4, 5), (5,), (5, 3), (3,)) for _ in range(2)]
    for i, (n, s) in enumerate(zip(slots, shapes)):
        opt.create_dataset(n, data=np.full(s, 0.01 * (i + 1), dtype="float32"))

hidden = np.maximum(x @ kernel + bias, 0)
logits = hidden @ kernel_1 + bias_1
e = np.exp(logits - logits.max(axis=1, keepdims=True))
print(json.dumps({"x": x.tolist(), "y": (e / e.sum(axis=1, keepdims=True)).tolist()}))
