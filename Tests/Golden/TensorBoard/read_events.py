#!/usr/bin/python3
"""Independent reader of TensorBoard event files (no TensorFlow): checks the TFRecord framing of every record
(length and data CRCs with crcmod's CRC-32C, masked as TensorFlow masks them), decodes the Event / Summary protos
with message types declared here from TensorFlow's event.proto / summary.proto / tensor.proto field numbers, and
prints JSON:

  {"files": [{"path": "train/events.out.tfevents...", "file_version": "brain.Event:2", "records": N,
              "values": [{"tag", "step", "wall_time", "plugin", "plugin_content", "data_class", "dtype",
                          "shape", "value"}]}]}

"value" is the decoded tensor: a number for a 0-d float tensor, a list of [left, right, count] rows for a
histogram, a string for a string tensor, or simple_value when the value has no tensor.

Usage: /usr/bin/python3 read_events.py LOG_DIR      (exit 1 with a message on any framing or decoding error)
Needs Debian's python3-protobuf and python3-crcmod.
"""
import json
import os
import struct
import sys

import crcmod.predefined
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

CRC32C = crcmod.predefined.mkCrcFun("crc-32c")
DT_FLOAT, DT_DOUBLE, DT_STRING = 1, 2, 7
F = descriptor_pb2.FieldDescriptorProto


def masked_crc(data):
    crc = CRC32C(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def message(file, name, fields, nested=()):
    m = file.message_type.add() if isinstance(file, descriptor_pb2.FileDescriptorProto) else file.nested_type.add()
    m.name = name
    for sub_name, sub_fields in nested:
        message(m, sub_name, sub_fields)
    for number, field_name, kind, label, type_name in fields:
        f = m.field.add()
        f.name, f.number, f.type, f.label = field_name, number, kind, label
        if type_name:
            f.type_name = type_name
        if label == F.LABEL_REPEATED and kind in (F.TYPE_FLOAT, F.TYPE_DOUBLE, F.TYPE_INT64, F.TYPE_INT32):
            f.options.packed = True
    return m


def build_types():
    opt, rep = F.LABEL_OPTIONAL, F.LABEL_REPEATED
    fd = descriptor_pb2.FileDescriptorProto(name="tb_events.proto", package="tb", syntax="proto3")
    message(fd, "TensorShapeProto", [(2, "dim", F.TYPE_MESSAGE, rep, ".tb.TensorShapeProto.Dim"),
                                     (3, "unknown_rank", F.TYPE_BOOL, opt, None)],
            nested=[("Dim", [(1, "size", F.TYPE_INT64, opt, None), (2, "name", F.TYPE_STRING, opt, None)])])
    message(fd, "TensorProto", [(1, "dtype", F.TYPE_INT32, opt, None),
                                (2, "tensor_shape", F.TYPE_MESSAGE, opt, ".tb.TensorShapeProto"),
                                (3, "version_number", F.TYPE_INT32, opt, None),
                                (4, "tensor_content", F.TYPE_BYTES, opt, None),
                                (5, "float_val", F.TYPE_FLOAT, rep, None),
                                (6, "double_val", F.TYPE_DOUBLE, rep, None),
                                (8, "string_val", F.TYPE_BYTES, rep, None)])
    message(fd, "HistogramProto", [(1, "min", F.TYPE_DOUBLE, opt, None), (2, "max", F.TYPE_DOUBLE, opt, None),
                                   (3, "num", F.TYPE_DOUBLE, opt, None), (4, "sum", F.TYPE_DOUBLE, opt, None),
                                   (5, "sum_squares", F.TYPE_DOUBLE, opt, None),
                                   (6, "bucket_limit", F.TYPE_DOUBLE, rep, None),
                                   (7, "bucket", F.TYPE_DOUBLE, rep, None)])
    message(fd, "SummaryMetadata", [(1, "plugin_data", F.TYPE_MESSAGE, opt, ".tb.SummaryMetadata.PluginData"),
                                    (2, "display_name", F.TYPE_STRING, opt, None),
                                    (3, "summary_description", F.TYPE_STRING, opt, None),
                                    (4, "data_class", F.TYPE_INT32, opt, None)],
            nested=[("PluginData", [(1, "plugin_name", F.TYPE_STRING, opt, None),
                                    (2, "content", F.TYPE_BYTES, opt, None)])])
    message(fd, "Summary", [(1, "value", F.TYPE_MESSAGE, rep, ".tb.Summary.Value")],
            nested=[("Value", [(7, "node_name", F.TYPE_STRING, opt, None), (1, "tag", F.TYPE_STRING, opt, None),
                               (9, "metadata", F.TYPE_MESSAGE, opt, ".tb.SummaryMetadata"),
                               (2, "simple_value", F.TYPE_FLOAT, opt, None),
                               (5, "histo", F.TYPE_MESSAGE, opt, ".tb.HistogramProto"),
                               (8, "tensor", F.TYPE_MESSAGE, opt, ".tb.TensorProto")])])
    message(fd, "Event", [(1, "wall_time", F.TYPE_DOUBLE, opt, None), (2, "step", F.TYPE_INT64, opt, None),
                          (3, "file_version", F.TYPE_STRING, opt, None), (4, "graph_def", F.TYPE_BYTES, opt, None),
                          (5, "summary", F.TYPE_MESSAGE, opt, ".tb.Summary")])
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fd)
    descriptor = pool.FindMessageTypeByName("tb.Event")
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)


def fail(path, message_text):
    sys.exit(f"{path}: {message_text}")


def records(path):
    with open(path, "rb") as f:
        data = f.read()
    offset, index = 0, 0
    while offset < len(data):
        if len(data) - offset < 12:
            fail(path, f"record {index}: truncated header at byte {offset}")
        header = data[offset:offset + 8]
        (length,) = struct.unpack("<Q", header)
        (length_crc,) = struct.unpack("<I", data[offset + 8:offset + 12])
        if masked_crc(header) != length_crc:
            fail(path, f"record {index}: length CRC {length_crc:#x} != {masked_crc(header):#x}")
        start, end = offset + 12, offset + 12 + length
        if end + 4 > len(data):
            fail(path, f"record {index}: truncated data (length {length}) at byte {offset}")
        payload = data[start:end]
        (data_crc,) = struct.unpack("<I", data[end:end + 4])
        if masked_crc(payload) != data_crc:
            fail(path, f"record {index}: data CRC {data_crc:#x} != {masked_crc(payload):#x}")
        yield payload
        offset, index = end + 4, index + 1


def decode_tensor(path, tensor):
    shape = [d.size for d in tensor.tensor_shape.dim]
    count = 1
    for s in shape:
        count *= s
    if tensor.dtype == DT_STRING:
        strings = [s.decode("utf-8") for s in tensor.string_val]
        return shape, strings[0] if shape == [] else strings
    if tensor.dtype == DT_FLOAT:
        values = list(struct.unpack(f"<{count}f", tensor.tensor_content)) if tensor.tensor_content \
            else list(tensor.float_val)
    elif tensor.dtype == DT_DOUBLE:
        values = list(struct.unpack(f"<{count}d", tensor.tensor_content)) if tensor.tensor_content \
            else list(tensor.double_val)
    else:
        fail(path, f"unexpected tensor dtype {tensor.dtype}")
    if len(values) != count:
        fail(path, f"tensor of shape {shape} holds {len(values)} values")
    if shape == []:
        return shape, values[0]
    if len(shape) == 2:
        return shape, [values[i * shape[1]:(i + 1) * shape[1]] for i in range(shape[0])]
    return shape, values


def read_file(path, root, event_type):
    events = [event_type.FromString(r) for r in records(path)]
    if not events or events[0].file_version != "brain.Event:2":
        fail(path, "the first record is not a file_version 'brain.Event:2' event")
    values = []
    for event in events[1:]:
        for v in event.summary.value:
            item = {"tag": v.tag, "step": event.step, "wall_time": event.wall_time,
                    "plugin": v.metadata.plugin_data.plugin_name,
                    "plugin_content": v.metadata.plugin_data.content.decode("utf-8"),
                    "data_class": v.metadata.data_class}
            if v.HasField("tensor"):
                item["dtype"] = v.tensor.dtype
                item["shape"], item["value"] = decode_tensor(path, v.tensor)
            else:
                item["value"] = v.simple_value
            values.append(item)
    return {"path": os.path.relpath(path, root), "file_version": events[0].file_version,
            "records": len(events), "values": values}


def main():
    root = sys.argv[1]
    event_type = build_types()
    files = []
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if ".tfevents." in name:
                files.append(read_file(os.path.join(folder, name), root, event_type))
    print(json.dumps({"files": files}))


if __name__ == "__main__":
    main()
