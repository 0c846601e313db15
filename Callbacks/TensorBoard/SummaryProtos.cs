using System.Buffers.Binary;
using System.Text;

namespace Keras.Callbacks;

/// <summary>Encodes the TensorBoard <c>Event</c> and <c>Summary.Value</c> messages as TensorFlow 2's summary writer
/// does (field numbers from tensorflow/core/util/event.proto and framework/summary.proto).</summary>
/// <remarks>Values are tensor summaries with plugin metadata, as <c>tf.summary.scalar</c>, <c>tf.summary.histogram</c>
/// and Keras' <c>keras_model_summary</c> write them: the tensor of a number is <c>tensor_content</c> (TensorFlow's
/// <c>AsProtoTensorContent</c>), the tensor of a string is <c>string_val</c>.</remarks>
internal static class SummaryProtos
{
    /// <summary>The <c>file_version</c> of the first event of every TF2 event file.</summary>
    internal const string FileVersion = "brain.Event:2";

    private const int DtFloat = 1;
    private const int DtDouble = 2;
    private const int DtString = 7;
    private const int DataClassScalar = 1;
    private const int DataClassTensor = 2;

    /// <summary>The first event of a file: its wall time and <see cref="FileVersion"/>.</summary>
    internal static byte[] FileVersionEvent(double wallTime) =>
        new ProtoWriter().Double(1, wallTime).String(3, FileVersion).ToArray();

    /// <summary>An <c>Event</c> holding a <c>Summary</c> with one value.</summary>
    internal static byte[] SummaryEvent(double wallTime, long step, ProtoWriter value)
    {
        var evt = new ProtoWriter().Double(1, wallTime);
        if (step != 0)
        {
            evt.Int(2, step);
        }
        return evt.Message(5, new ProtoWriter().Message(1, value)).ToArray();
    }

    /// <summary>A <c>tf.summary.scalar</c> value: a float32 0-d tensor, plugin <c>scalars</c>.</summary>
    internal static ProtoWriter Scalar(string tag, float value)
    {
        var content = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(content, value);
        var tensor = new ProtoWriter().Int(1, DtFloat).Message(2, new ProtoWriter()).Bytes(4, content);
        return Value(tag, Metadata("scalars", content: null, DataClassScalar), tensor);
    }

    /// <summary>A <c>tf.summary.histogram</c> value: a float64 <c>[k, 3]</c> tensor of
    /// <c>[left_edge, right_edge, count]</c> rows, plugin <c>histograms</c>.</summary>
    internal static ProtoWriter Histogram(string tag, double[,] buckets)
    {
        int rows = buckets.GetLength(0);
        var content = new byte[rows * 3 * 8];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan((i * 3 + j) * 8), buckets[i, j]);
            }
        }
        var shape = new ProtoWriter()
            .Message(2, new ProtoWriter().Int(1, rows))
            .Message(2, new ProtoWriter().Int(1, 3));
        var tensor = new ProtoWriter().Int(1, DtDouble).Message(2, shape).Bytes(4, content);
        return Value(tag, Metadata("histograms", content: null, DataClassTensor), tensor);
    }

    /// <summary>Keras' <c>keras_model_summary</c>: the model's JSON as a 0-d string tensor, plugin
    /// <c>graph_keras_model</c> with content <c>"1"</c>, which TensorBoard's graph dashboard draws.</summary>
    internal static ProtoWriter KerasModel(string tag, string json)
    {
        var tensor = new ProtoWriter().Int(1, DtString).Message(2, new ProtoWriter())
            .Bytes(8, Encoding.UTF8.GetBytes(json));
        return Value(tag, Metadata("graph_keras_model", content: "1"u8.ToArray(), dataClass: 0), tensor);
    }

    private static ProtoWriter Value(string tag, ProtoWriter metadata, ProtoWriter tensor) =>
        new ProtoWriter().String(1, tag).Message(9, metadata).Message(8, tensor);

    private static ProtoWriter Metadata(string pluginName, byte[]? content, int dataClass)
    {
        var pluginData = new ProtoWriter().String(1, pluginName);
        if (content is not null)
        {
            pluginData.Bytes(2, content);
        }
        var metadata = new ProtoWriter().Message(1, pluginData);
        if (dataClass != 0)
        {
            metadata.Int(4, dataClass);
        }
        return metadata;
    }
}
