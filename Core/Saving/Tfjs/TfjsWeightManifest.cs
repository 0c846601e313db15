using System.Text.Json.Nodes;

namespace Keras.Saving.Tfjs;

/// <summary>Reads the weights a tfjs-layers <c>model.json</c> declares in its <c>weightsManifest</c>: each group's
/// shards (files relative to <c>model.json</c>) concatenated, then cut into the group's weights in order, as tfjs'
/// <c>io.loadWeights</c> does.</summary>
/// <remarks>Shard paths must stay inside the model's folder (no absolute paths, no <c>..</c>, no URLs), and the shards
/// of a group must hold exactly the bytes the group's specs declare; both are checked before anything is read.
/// Quantized weights (<c>quantization</c>) and dtypes other than float32/int32 are refused.</remarks>
internal static class TfjsWeightManifest
{
    /// <summary>Every weight of the manifest, with its values.</summary>
    /// <param name="manifest">The <c>weightsManifest</c> array, or null (a model without weights).</param>
    /// <param name="modelJsonPath">The model.json path: shards are relative to its folder, messages name it.</param>
    /// <exception cref="KerasFileException">The manifest is malformed, a shard path leaves the folder, a shard is
    /// missing, or the shards' sizes differ from the declared weights.</exception>
    /// <exception cref="NotSupportedException">A weight is quantized.</exception>
    public static IReadOnlyList<TfjsWeightSpec> Read(JsonNode? manifest, string modelJsonPath)
    {
        if (manifest is null)
        {
            return [];
        }
        if (manifest is not JsonArray groups)
        {
            throw Error(modelJsonPath, $"\"weightsManifest\" must be a list of groups. Received: {Kind(manifest)}.");
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        var all = new List<TfjsWeightSpec>();
        for (int g = 0; g < groups.Count; g++)
        {
            if (groups[g] is not JsonObject group)
            {
                throw Error(modelJsonPath, $"weightsManifest group {g} must be an object. Received: {Kind(groups[g])}.");
            }
            var specs = ReadSpecs(group["weights"], g, modelJsonPath);
            var shards = ReadPaths(group["paths"], g, folder, modelJsonPath);
            ReadGroup(specs, shards, g, modelJsonPath);
            all.AddRange(specs);
        }
        return all;
    }

    private static List<TfjsWeightSpec> ReadSpecs(JsonNode? node, int group, string file)
    {
        if (node is not JsonArray array)
        {
            throw Error(file, $"weightsManifest group {group} needs a \"weights\" list. Received: {Kind(node)}.");
        }
        var specs = new List<TfjsWeightSpec>();
        foreach (var item in array)
        {
            if (item is not JsonObject spec || !JsonValues.TryGetString(spec["name"], out string name))
            {
                throw Error(file, $"Each weight of group {group} must be an object with a \"name\". Received: " +
                                  $"{Kind(item)}.");
            }
            if (spec["quantization"] is not null)
            {
                throw new NotSupportedException(
                    $"Weight \"{name}\" of {KerasFileException.Describe(file)} is quantized " +
                    $"({spec["quantization"]!.ToJsonString()}); Keras.Net reads float32 and int32 tfjs weights only.");
            }
            string dtype = JsonValues.TryGetString(spec["dtype"], out string d) ? d : "float32";
            if (dtype is not ("float32" or "int32"))
            {
                throw Error(file, $"Weight \"{name}\" has dtype \"{dtype}\"; expected \"float32\" or \"int32\".");
            }
            var shape = ReadShape(spec["shape"], name, file);
            var result = new TfjsWeightSpec(name, shape, dtype);
            try
            {
                _ = result.Count;
            }
            catch (OverflowException)
            {
                throw Error(file, $"Weight \"{name}\" has shape [{string.Join(", ", shape)}], too large to read.");
            }
            specs.Add(result);
        }
        return specs;
    }

    private static long[] ReadShape(JsonNode? node, string name, string file)
    {
        if (node is not JsonArray dims)
        {
            throw Error(file, $"Weight \"{name}\" needs a \"shape\" list. Received: {Kind(node)}.");
        }
        var shape = new long[dims.Count];
        for (int i = 0; i < dims.Count; i++)
        {
            if (dims[i] is not JsonValue v || !v.TryGetValue(out long dim) || dim < 0)
            {
                throw Error(file, $"Weight \"{name}\" has shape {node.ToJsonString()}; expected non-negative integers.");
            }
            shape[i] = dim;
        }
        return shape;
    }

    private static List<string> ReadPaths(JsonNode? node, int group, string folder, string file)
    {
        if (node is not JsonArray array)
        {
            throw Error(file, $"weightsManifest group {group} needs a \"paths\" list. Received: {Kind(node)}.");
        }
        var paths = new List<string>();
        foreach (var item in array)
        {
            if (!JsonValues.TryGetString(item, out string relative) || !IsSafeRelative(relative))
            {
                throw Error(file, $"Shard path {item?.ToJsonString() ?? "null"} of group {group} must be a file " +
                                  "name relative to the model.json folder (no absolute path, \"..\" or URL).");
            }
            string full = Path.GetFullPath(Path.Combine(folder, relative));
            if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw Error(file, $"Shard path \"{relative}\" of group {group} leaves the model.json folder.");
            }
            if (!File.Exists(full))
            {
                throw Error(file, $"Shard \"{relative}\" of group {group} does not exist (looked for \"{full}\").");
            }
            paths.Add(full);
        }
        return paths;
    }

    private static bool IsSafeRelative(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains(':') && !path.Contains('\\')
        && !path.Split('/').Any(segment => segment is ".." or "");

    private static void ReadGroup(List<TfjsWeightSpec> specs, List<string> shards, int group, string file)
    {
        long declared = specs.Sum(s => checked(s.Count * 4));
        long stored = shards.Sum(s => new FileInfo(s).Length);
        if (declared != stored)
        {
            throw Error(file, $"weightsManifest group {group} declares {declared} bytes of weights " +
                              $"({string.Join(", ", specs.Select(s => s.Name))}) but its shards " +
                              $"({string.Join(", ", shards.Select(Path.GetFileName))}) hold {stored} bytes.");
        }
        if (declared > Array.MaxLength)
        {
            throw Error(file, $"weightsManifest group {group} declares {declared} bytes, more than one array holds.");
        }
        var buffer = new byte[declared];
        int offset = 0;
        foreach (var shard in shards)
        {
            var bytes = File.ReadAllBytes(shard);
            if (offset + bytes.Length > buffer.Length)
            {
                throw Error(file, $"Shard \"{Path.GetFileName(shard)}\" of group {group} grew while it was read.");
            }
            bytes.CopyTo(buffer, offset);
            offset += bytes.Length;
        }
        long position = 0;
        foreach (var spec in specs)
        {
            long length = spec.Count * 4;
            spec.Bytes = buffer.AsSpan((int)position, (int)length).ToArray();
            position += length;
        }
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => node.ToJsonString(),
    };

    private static KerasFileException Error(string file, string message) =>
        new($"Cannot read the tfjs weights of {KerasFileException.Describe(file)}: {message}", file);
}
