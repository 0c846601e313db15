using System.Globalization;
using System.Text.Json;
using Keras.Training;

namespace Keras.Callbacks;

/// <summary>Reads and writes <c>training_metadata.json</c>: Keras' <c>{"epoch", "batch"}</c>, plus a
/// <c>"keras_net"</c> section holding what an exact resume needs (the batch position, the weights file's SHA-256, the
/// torch generator, the shuffle order, the metric accumulators and the History so far).</summary>
internal static class BackupAndRestoreMetadata
{
    private const string Section = "keras_net";

    /// <summary>The JSON for <paramref name="snapshot"/>, paired with the weights file of hash
    /// <paramref name="weightsSha256"/>.</summary>
    internal static byte[] Write(FitSnapshot snapshot, string weightsSha256)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("epoch", snapshot.Epoch);
            // Keras' "batch" is the index of the last batch seen (0 after an epoch end).
            json.WriteNumber("batch", Math.Max(snapshot.Step - 1, 0));
            json.WriteStartObject(Section);
            json.WriteNumber("step", snapshot.Step);
            json.WriteString("weights_sha256", weightsSha256);
            WriteBytes(json, "rng_state", snapshot.RngState);
            if (snapshot.CursorPosition is int position)
            {
                json.WriteNumber("cursor_position", position);
            }
            WriteBytes(json, "permutation", snapshot.Permutation is { } p ? ToBytes(p) : null);
            WriteMetricStates(json, snapshot.MetricStates);
            WriteHistory(json, snapshot);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Parses a metadata file; a Keras-written one (no <c>"keras_net"</c> section) gives only the epoch.</summary>
    /// <returns>The snapshot and the SHA-256 of the weights it belongs with (null for Keras' files).</returns>
    /// <exception cref="InvalidDataException">The file is not valid metadata.</exception>
    internal static (FitSnapshot Snapshot, string? WeightsSha256) Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            int epoch = root.GetProperty("epoch").GetInt32();
            if (!root.TryGetProperty(Section, out var ours))
            {
                return (new FitSnapshot(epoch, 0, null, null, null, null, [], new Dictionary<string, IReadOnlyList<double>>(),
                    path), null);
            }
            var (epochs, values) = ReadHistory(ours.GetProperty("history"));
            var snapshot = new FitSnapshot(
                epoch,
                ours.GetProperty("step").GetInt32(),
                ReadBytes(ours, "rng_state"),
                ReadBytes(ours, "permutation") is { } p ? FromBytes(p) : null,
                ours.TryGetProperty("cursor_position", out var position) ? position.GetInt32() : null,
                ReadMetricStates(ours),
                epochs,
                values,
                path);
            return (snapshot, ours.GetProperty("weights_sha256").GetString());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or
                                       FormatException)
        {
            throw new InvalidDataException($"The BackupAndRestore metadata \"{path}\" is not valid: {e.Message}", e);
        }
    }

    private static void WriteBytes(Utf8JsonWriter json, string name, byte[]? bytes)
    {
        if (bytes is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteBase64String(name, bytes);
        }
    }

    private static byte[]? ReadBytes(JsonElement section, string name) =>
        section.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetBytesFromBase64() : null;

    private static void WriteMetricStates(Utf8JsonWriter json, IReadOnlyList<IReadOnlyList<byte[]>>? states)
    {
        if (states is null)
        {
            json.WriteNull("metric_states");
            return;
        }
        json.WriteStartArray("metric_states");
        foreach (var metric in states)
        {
            json.WriteStartArray();
            foreach (var variable in metric)
            {
                json.WriteBase64StringValue(variable);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static List<IReadOnlyList<byte[]>>? ReadMetricStates(JsonElement section) =>
        section.TryGetProperty("metric_states", out var states) && states.ValueKind == JsonValueKind.Array
            ? states.EnumerateArray()
                .Select(m => (IReadOnlyList<byte[]>)m.EnumerateArray().Select(v => v.GetBytesFromBase64()).ToList())
                .ToList()
            : null;

    private static void WriteHistory(Utf8JsonWriter json, FitSnapshot snapshot)
    {
        json.WriteStartObject("history");
        json.WriteStartArray("epoch");
        foreach (int epoch in snapshot.HistoryEpochs)
        {
            json.WriteNumberValue(epoch);
        }
        json.WriteEndArray();
        json.WriteStartObject("history");
        foreach (var (key, values) in snapshot.HistoryValues)
        {
            json.WriteStartArray(key);
            foreach (double value in values)
            {
                // JSON has no NaN or infinity: those travel as strings ("NaN", "Infinity", "-Infinity").
                if (double.IsFinite(value))
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
                }
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static (List<int> Epochs, Dictionary<string, IReadOnlyList<double>> Values) ReadHistory(JsonElement history)
    {
        var epochs = history.GetProperty("epoch").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var values = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var key in history.GetProperty("history").EnumerateObject())
        {
            values[key.Name] = key.Value.EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.String
                    ? double.Parse(v.GetString()!, CultureInfo.InvariantCulture)
                    : v.GetDouble())
                .ToList();
        }
        return (epochs, values);
    }

    private static byte[] ToBytes(long[] values)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static long[] FromBytes(byte[] bytes)
    {
        if (bytes.Length % sizeof(long) != 0)
        {
            throw new FormatException($"The shuffle order holds {bytes.Length} bytes, not a whole number of int64.");
        }
        var values = new long[bytes.Length / sizeof(long)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
