"""Independent reader for Keras 3 files written by Keras.Net (used by KerasV3LayoutTests).

Usage: /usr/bin/python3 list_keras_layout.py FILE   (FILE = .keras zip or .weights.h5)
Prints, with h5py and zipfile only (no Keras.Net code):
  member <name> <compress_type>            for each zip member, in archive order
  json <member> <top-level keys, in order> for metadata.json / config.json
  group <path> name=<@name or -> n=<count> for every group named "vars"
  dataset <path> <shape> <dtype> <layout> [value=<v>]  for every dataset (layout 1 = contiguous;
                                           value for scalars)
"""
import io
import json
import sys
import zipfile

import h5py


def dump_h5(data):
    with h5py.File(data, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Group) and name.split("/")[-1] == "vars":
                attr = obj.attrs.get("name")
                if isinstance(attr, bytes):
                    attr = attr.decode("utf-8")
                print(f"group /{name} name={attr if attr is not None else '-'} n={len(obj)}")
            elif isinstance(obj, h5py.Dataset):
                shape = "(" + ",".join(str(d) for d in obj.shape) + ")"
                value = f" value={obj[()]}" if obj.shape == () else ""
                print(f"dataset /{name} {shape} {obj.dtype} {obj.id.get_create_plist().get_layout()}{value}")
        f.visititems(visit)


def main(path):
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                print(f"member {info.filename} {info.compress_type}")
            for member in ("metadata.json", "config.json"):
                keys = list(json.loads(z.read(member)).keys())
                print(f"json {member} {','.join(keys)}")
            dump_h5(io.BytesIO(z.read("model.weights.h5")))
    else:
        dump_h5(path)


if __name__ == "__main__":
    main(sys.argv[1])
