"""Rewrites a Keras 3 weights file into the layouts older writers produced (used by KerasV3CompatibilityTests).

Usage: /usr/bin/python3 rewrite_legacy_paths.py FILE MODE   (edits FILE in place with h5py)
MODE:
  keras213  - Keras 2.13: the model's layers live under "_layer_checkpoint_dependencies" instead of "layers"
  private   - tf-keras 2.15 / Keras 3.0.0-3.0.1: MultiHeadAttention projections under "_query_dense", "_key_dense",
              "_value_dense", "_output_dense"; the variable-free "_softmax" / "_dropout_layer" groups are absent
  nameless  - Keras < 3.6: no "name" attribute on any "vars" group
"""
import sys

import h5py


def main(path, mode):
    with h5py.File(path, "r+") as f:
        if mode == "keras213":
            f.move("layers", "_layer_checkpoint_dependencies")
        elif mode == "private":
            groups = []
            f.visititems(lambda name, obj: groups.append(name) if isinstance(obj, h5py.Group) else None)
            for name in sorted(groups, key=len, reverse=True):
                last = name.split("/")[-1]
                if last in ("query_dense", "key_dense", "value_dense", "output_dense"):
                    f.move(name, name[: -len(last)] + "_" + last)
                elif last in ("_softmax", "_dropout_layer"):
                    del f[name]
        elif mode == "nameless":
            f.visititems(lambda name, obj: obj.attrs.__delitem__("name") if "name" in obj.attrs else None)
        else:
            raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
