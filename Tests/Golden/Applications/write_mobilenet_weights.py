"""Writes mobilenet_2_5_128_tf_no_top.h5: a Keras 2 `save_weights` file for MobileNet(alpha=0.25, 128x128,
include_top=False), with deterministic values, independently of Keras.Net.

The layer list, names, weight names and shapes reproduce keras/src/applications/mobilenet.py (_conv_block and
_depthwise_conv_block) as a Keras 2 model lists them (input_1 first); the layout is Keras 2's legacy weights-only HDF5:
root attributes layer_names/backend/keras_version, one group per layer with a weight_names attribute (an empty
float64 array for layers without weights) and the datasets at "<layer>/<weight>:0" under it.

Each value depends only on the layer name, the weight's index in the layer and the element index (see value()), so a
test can recompute what every weight must hold after loading, whatever order it visits the layers in.

Run: /usr/bin/python3 write_mobilenet_weights.py  (h5py, numpy)
"""
import os

import h5py
import numpy as np

ALPHA = 0.25
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures", "mobilenet_2_5_128_tf_no_top.h5")


def seed(name):
    return sum((k + 1) * ord(c) for k, c in enumerate(name)) % 10007


def value(layer, weight_index, shape):
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.int64)
    v = ((seed(layer) * 31 + weight_index * 7919 + i) % 2003) / 2003.0 - 0.5
    return v.astype(np.float32).reshape(shape)


def layers():
    """(layer name, [(weight name, shape)]) in model order, as mobilenet.py builds them."""
    out = [("input_1", [])]
    filters = int(32 * ALPHA)
    out.append(("conv1", [("kernel", (3, 3, 3, filters))]))
    out.append(("conv1_bn", bn(filters)))
    out.append(("conv1_relu", []))
    channels = filters
    blocks = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1),
              (512, 1), (512, 1), (1024, 2), (1024, 1)]
    for block_id, (pointwise, strides) in enumerate(blocks, start=1):
        pointwise = int(pointwise * ALPHA)
        if strides != 1:
            out.append(("conv_pad_%d" % block_id, []))
        out.append(("conv_dw_%d" % block_id, [("depthwise_kernel", (3, 3, channels, 1))]))
        out.append(("conv_dw_%d_bn" % block_id, bn(channels)))
        out.append(("conv_dw_%d_relu" % block_id, []))
        out.append(("conv_pw_%d" % block_id, [("kernel", (1, 1, channels, pointwise))]))
        out.append(("conv_pw_%d_bn" % block_id, bn(pointwise)))
        out.append(("conv_pw_%d_relu" % block_id, []))
        channels = pointwise
    return out


def bn(channels):
    # Keras 2 legacy order: trainable (gamma, beta) then non-trainable (moving_mean, moving_variance).
    return [(w, (channels,)) for w in ("gamma", "beta", "moving_mean", "moving_variance")]


def main():
    with h5py.File(OUT, "w") as f:
        names = layers()
        f.attrs["layer_names"] = np.array([n.encode("utf8") for n, _ in names])
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.1.2"
        total = 0
        for layer, weights in names:
            g = f.create_group(layer)
            weight_names = ["%s/%s:0" % (layer, w) for w, _ in weights]
            g.attrs["weight_names"] = np.array([w.encode("utf8") for w in weight_names]) if weights else np.array([])
            for index, ((_, shape), full) in enumerate(zip(weights, weight_names)):
                g.create_dataset(full, data=value(layer, index, shape))
                total += int(np.prod(shape))
    print(OUT, "parameters:", total)


if __name__ == "__main__":
    main()
