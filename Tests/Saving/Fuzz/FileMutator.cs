using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Keras.Tests.Saving.Fuzz;

/// <summary>Deterministic damage to valid model files: truncations, byte flips aimed at the HDF5 superblock, object
/// headers, B-trees and heaps (found by their signatures) and at zip headers, garbage, and, inside <c>.keras</c>
/// archives, renamed or missing entries, mutated <c>config.json</c> and a damaged <c>model.weights.h5</c>.</summary>
internal sealed class FileMutator(int seed)
{
    private static readonly string[] Hdf5Signatures = ["OHDR", "OCHK", "TREE", "HEAP", "SNOD", "GCOL", "FRHP", "FHDB",
        "FSHD", "BTHD", "BTIN", "BTLF", "FHIB", "FSSE"];

    private readonly Random _random = new(seed);

    /// <summary>At least <paramref name="count"/> damaged variants of an HDF5 file, each with a label.</summary>
    public List<(string Label, byte[] Bytes)> Hdf5(byte[] valid, int count)
    {
        var cases = new List<(string, byte[])>();
        foreach (int length in new[] { 0, 1, 4, 8, 16, 40, 47, 48, 95, 96, 200, 511, 512, 1024, 2047, 2048 })
        {
            cases.Add(($"truncated to {length}", valid[..Math.Min(length, valid.Length - 1)]));
        }
        for (int i = 1; i < 40; i++)
        {
            int length = (int)((long)valid.Length * i / 40);
            cases.Add(($"truncated to {length}", valid[..length]));
        }
        for (int i = 0; i < 30; i++)
        {
            cases.Add(Flip(valid, _random.Next(0, Math.Min(96, valid.Length)), "superblock"));
        }
        var signatures = Hdf5Signatures.SelectMany(s => Find(valid, Encoding.ASCII.GetBytes(s))).Order().ToList();
        for (int i = 0; i < 80; i++)
        {
            int at = signatures.Count == 0 ? _random.Next(valid.Length) : signatures[i % signatures.Count];
            cases.Add(Flip(valid, Math.Min(valid.Length - 1, at + _random.Next(0, 48)), "structure"));
        }
        for (int i = 0; i < 30; i++)
        {
            cases.Add(Flip(valid, _random.Next(valid.Length), "anywhere"));
        }
        for (int i = 0; i < 15; i++)
        {
            var bytes = (byte[])valid.Clone();
            int at = _random.Next(valid.Length - 16);
            Array.Fill(bytes, (byte)0xFF, at, 16);
            cases.Add(($"16 bytes of 0xFF at {at}", bytes));
        }
        for (int i = 0; i < 10; i++)
        {
            cases.Add(($"garbage {i}", Garbage(_random.Next(1, 4096), i < 5 ? valid[..8] : [])));
        }
        return Pad(cases, count, () => Flip(valid, _random.Next(valid.Length), "extra"));
    }

    /// <summary>At least <paramref name="count"/> damaged variants of a <c>.keras</c> archive.</summary>
    public List<(string Label, byte[] Bytes)> Keras(byte[] valid, int count)
    {
        var cases = new List<(string, byte[])>();
        for (int i = 0; i < 30; i++)
        {
            int length = (int)((long)valid.Length * i / 30);
            cases.Add(($"truncated to {length}", valid[..length]));
        }
        var headers = new[] { "PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006" }
            .SelectMany(s => Find(valid, Encoding.ASCII.GetBytes(s))).Order().ToList();
        for (int i = 0; i < 45; i++)
        {
            int at = headers[i % headers.Count] + _random.Next(0, 46);
            cases.Add(Flip(valid, Math.Min(valid.Length - 1, at), "zip header"));
        }
        var entries = ReadEntries(valid);
        foreach (var (from, to) in new[] { ("config.json", "config.jsn"), ("model.weights.h5", "weights.h5"),
                     ("metadata.json", "meta.json"), ("config.json", "../config.json"),
                     ("model.weights.h5", "/model.weights.h5") })
        {
            cases.Add(($"entry {from} renamed {to}",
                Zip(entries.Select(e => e.Name == from ? (to, e.Data) : e).ToList())));
        }
        foreach (var missing in entries.Select(e => e.Name))
        {
            cases.Add(($"entry {missing} missing", Zip(entries.Where(e => e.Name != missing).ToList())));
        }
        cases.Add(("entry config.json twice",
            Zip([.. entries, ("config.json", Encoding.UTF8.GetBytes("{\"class_name\": \"Dense\"}"))])));
        var config = JsonNode.Parse(entries.Single(e => e.Name == "config.json").Data)!;
        for (int i = 0; i < 90; i++)
        {
            var (label, mutated) = MutateConfig(config, i);
            cases.Add(($"config.json: {label}", Replace(entries, "config.json", mutated)));
        }
        var weights = entries.Single(e => e.Name == "model.weights.h5").Data;
        var damaged = Hdf5(weights, 0);
        for (int i = 0; i < 40; i++)
        {
            var (label, bytes) = damaged[_random.Next(damaged.Count)];
            cases.Add(($"model.weights.h5 {label}", Replace(entries, "model.weights.h5", bytes)));
        }
        for (int i = 0; i < 6; i++)
        {
            cases.Add(($"garbage {i}", Garbage(_random.Next(1, 4096), i < 3 ? valid[..4] : [])));
        }
        return Pad(cases, count, () => Flip(valid, _random.Next(valid.Length), "extra"));
    }

    private (string, byte[]) MutateConfig(JsonNode config, int i)
    {
        var copy = config.DeepClone();
        var objects = Objects(copy).ToList();
        var target = objects[_random.Next(objects.Count)];
        var keys = target.Select(p => p.Key).ToList();
        string key = keys.Count == 0 ? "x" : keys[_random.Next(keys.Count)];
        switch (i % 9)
        {
            case 0:
                target.Remove(key);
                return ($"key \"{key}\" removed", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            case 1:
                target[key] = "a string";
                return ($"\"{key}\" became a string", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            case 2:
                target[key] = new JsonArray(1, 2, 3);
                return ($"\"{key}\" became a list", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            case 3:
                target[key] = null;
                return ($"\"{key}\" became null", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            case 4:
            {
                double[] huge = [1e12, 2147483648, -1, 1e308, -2147483649, 0];
                double value = huge[_random.Next(huge.Length)];
                target[key] = value;
                return ($"\"{key}\" became {value}", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            }
            case 5:
                target[key] = new JsonObject { ["class_name"] = "System.IO.File", ["config"] = new JsonObject() };
                return ($"\"{key}\" became a foreign class", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            case 6:
            {
                int depth = new[] { 100, 1000, 100_000 }[_random.Next(3)];
                string nested = new string('[', depth) + new string(']', depth);
                string text = copy.ToJsonString().Replace($"\"{key}\":", $"\"{key}\":{nested},\"_{key}\":");
                return ($"\"{key}\" nested {depth} deep", Encoding.UTF8.GetBytes(text));
            }
            case 7:
            {
                string text = copy.ToJsonString();
                int cut = _random.Next(text.Length);
                return ($"JSON cut at {cut}", Encoding.UTF8.GetBytes(text[..cut]));
            }
            default:
            {
                var bytes = Encoding.UTF8.GetBytes(copy.ToJsonString());
                int at = _random.Next(bytes.Length);
                bytes[at] ^= (byte)(1 << _random.Next(8));
                return ($"JSON byte {at} flipped", bytes);
            }
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var child in o.Select(p => p.Value).SelectMany(Objects))
            {
                yield return child;
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.SelectMany(Objects))
            {
                yield return child;
            }
        }
    }

    private (string, byte[]) Flip(byte[] valid, int at, string where)
    {
        var bytes = (byte[])valid.Clone();
        byte mask = (byte)(_random.Next(1, 256));
        bytes[at] ^= mask;
        return ($"{where} byte {at} ^= 0x{mask:X2}", bytes);
    }

    private byte[] Garbage(int length, byte[] prefix)
    {
        var bytes = new byte[Math.Max(length, prefix.Length)];
        _random.NextBytes(bytes);
        prefix.CopyTo(bytes, 0);
        return bytes;
    }

    private static List<(string, byte[])> Pad(List<(string, byte[])> cases, int count, Func<(string, byte[])> more)
    {
        while (cases.Count < count)
        {
            cases.Add(more());
        }
        return cases;
    }

    private static IEnumerable<int> Find(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                yield return i;
            }
        }
    }

    private static List<(string Name, byte[] Data)> ReadEntries(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return (e.FullName, m.ToArray());
        }).ToList();
    }

    private static byte[] Replace(List<(string Name, byte[] Data)> entries, string name, byte[] data) =>
        Zip(entries.Select(e => e.Name == name ? (name, data) : e).ToList());

    private static byte[] Zip(List<(string Name, byte[] Data)> entries)
    {
        using var m = new MemoryStream();
        using (var zip = new ZipArchive(m, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                s.Write(data);
            }
        }
        return m.ToArray();
    }
}
