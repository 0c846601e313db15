"""Writes Fixtures/efficientnetb0_notop.h5: a Keras 2 `save_weights` file for EfficientNetB0(include_top=False), with
deterministic values, independently of Keras.Net.

The layer list, names, weight names and shapes reproduce keras/src/applications/efficientnet.py (EfficientNet with
width 1.0 and depth 1.0, DEFAULT_BLOCKS_ARGS, block()) as a Keras 2 model lists them (input_1 first, then the
auto-named rescaling and normalization layers); the layout is Keras 2's legacy weights-only HDF5: root attributes
layer_names/backend/keras_version, one group per layer with a weight_names attribute (an empty float64 array for
layers without weights) and the datasets at "<layer>/<weight>:0" under it. Datasets over 4096 values are
gzip-compressed (one chunk each, libver='latest' chunk indexes) and values repeat every 251 elements, so the
4M-parameter file stays under 1 MB; Keras' loader reads them the same.

Each float value depends only on the layer name, the weight's index in the layer and the element index (see
value()); the Normalization layer's int64 `count` holds seed(layer). A test can recompute every weight.

Run: /usr/bin/python3 write_efficientnetb0_weights.py  (h5py, numpy)
"""
import math
import os

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures", "efficientnetb0_notop.h5")

# DEFAULT_BLOCKS_ARGS: kernel, repeats, filters_in, filters_out, expand_ratio, strides (se_ratio 0.25 everywhere)
BLOCKS = [(3, 1, 32, 16, 1, 1), (3, 2, 16, 24, 6, 2), (5, 2, 24, 40, 6, 2), (3, 3, 40, 80, 6, 2),
          (5, 3, 80, 112, 6, 1), (5, 4, 112, 192, 6, 2), (3, 1, 192, 320, 6, 1)]


def seed(name):
    return sum((k + 1) * ord(c) for k, c in enumerate(name)) % 10007


def value(layer, weight_index, shape):
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.int64)
    v = ((seed(layer) * 31 + weight_index * 7919 + i) % 251) / 251.0 - 0.5
    return v.astype(np.float32).reshape(shape)


def bn(channels):
    # Keras 2 legacy order: trainable (gamma, beta) then non-trainable (moving_mean, moving_variance).
    return [(w, (channels,)) for w in ("gamma", "beta", "moving_mean", "moving_variance")]


def layers():
    """(layer name, [(weight name, shape)]) in model order, as efficientnet.py builds B0 without the top."""
    out = [("input_1", []), ("rescaling", []),
           ("normalization", [("mean", (3,)), ("variance", (3,)), ("count", ())]),
           ("stem_conv_pad", []), ("stem_conv", [("kernel", (3, 3, 3, 32))]), ("stem_bn", bn(32)),
           ("stem_activation", [])]
    blocks_total = sum(r for _, r, _, _, _, _ in BLOCKS)
    b = 0
    for i, (kernel, repeats, f_in, f_out, expand, strides) in enumerate(BLOCKS):
        for j in range(repeats):
            if j > 0:
                strides, f_in = 1, f_out
            p = "block%d%s_" % (i + 1, chr(j + 97))
            filters = f_in * expand
            if expand != 1:
                out += [(p + "expand_conv", [("kernel", (1, 1, f_in, filters))]), (p + "expand_bn", bn(filters)),
                        (p + "expand_activation", [])]
            if strides == 2:
                out.append((p + "dwconv_pad", []))
            out += [(p + "dwconv", [("depthwise_kernel", (kernel, kernel, filters, 1))]), (p + "bn", bn(filters)),
                    (p + "activation", [])]
            se = max(1, int(f_in * 0.25))
            out += [(p + "se_squeeze", []), (p + "se_reshape", []),
                    (p + "se_reduce", [("kernel", (1, 1, filters, se)), ("bias", (se,))]),
                    (p + "se_expand", [("kernel", (1, 1, se, filters)), ("bias", (filters,))]),
                    (p + "se_excite", []),
                    (p + "project_conv", [("kernel", (1, 1, filters, f_out))]), (p + "project_bn", bn(f_out))]
            if strides == 1 and f_in == f_out:
                if 0.2 * b / blocks_total > 0:
                    out.append((p + "drop", []))
                out.append((p + "add", []))
            b += 1
    out += [("top_conv", [("kernel", (1, 1, 320, 1280))]), ("top_bn", bn(1280)), ("top_activation", [])]
    return out


def main():
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with h5py.File(OUT, "w", libver="latest") as f:
        names = layers()
        f.attrs["layer_names"] = np.array([n.encode("utf8") for n, _ in names])
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.4.0"
        total = 0
        for layer, weights in names:
            g = f.create_group(layer)
            weight_names = ["%s/%s:0" % (layer, w) for w, _ in weights]
            g.attrs["weight_names"] = np.array([w.encode("utf8") for w in weight_names]) if weights else np.array([])
            for index, ((w, shape), full) in enumerate(zip(weights, weight_names)):
                if w == "count":
                    g.create_dataset(full, data=np.int64(seed(layer)))
                elif np.prod(shape) > 4096:
                    g.create_dataset(full, data=value(layer, index, shape), compression="gzip",
                                     compression_opts=9, chunks=shape)
                else:
                    g.create_dataset(full, data=value(layer, index, shape))
                total += int(np.prod(shape))
    print(OUT, "layers:", len(names), "weighted:", sum(1 for _, w in names if w), "parameters:", total)


if __name__ == "__main__":
    main()
