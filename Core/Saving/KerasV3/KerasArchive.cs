using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Keras.Saving.Hdf5;

namespace Keras.Saving.KerasV3;

/// <summary>The Keras 3 <c>.keras</c> archive (keras-formats.md §2.1–2.3): a zip of <c>metadata.json</c>,
/// <c>config.json</c> (the model's config envelope plus <c>compile_config</c>), <c>model.weights.h5</c> and, for
/// layers with adapted vocabularies, <c>assets/&lt;path&gt;/vocabulary.txt</c>, all stored uncompressed, as Keras
/// writes them.</summary>
/// <remarks>Reading never extracts anything to disk and never runs code from the file: members are copied into
/// memory with caps (<see cref="ArchiveReader"/>), and only classes known to <see cref="SerializationRegistry"/> are
/// instantiated.</remarks>
internal static class KerasArchive
{
    /// <summary>The Keras version written to <c>metadata.json</c>: the Keras 3 release whose formats Keras.Net
    /// follows.</summary>
    public const string KerasVersion = "3.16.0";

    /// <summary>The member holding the model's config.</summary>
    public const string ConfigMember = "config.json";

    /// <summary>The member holding the save metadata.</summary>
    public const string MetadataMember = "metadata.json";

    /// <summary>The member holding the weights.</summary>
    public const string WeightsMember = "model.weights.h5";

    // Keras writes the two JSON members through ZipFile.open, which stamps them 1980-01-01 00:00.
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Saves <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="NotSupportedException">The model is a subclass that is not registered (its config could not
    /// be loaded back), or a layer holds state that cannot be stored yet.</exception>
    public static void Save(Model model, string path)
    {
        if (SerializationRegistry.Find(model.GetType()) is null)
        {
            throw new NotSupportedException(
                $"Saving model \"{model.Name}\" to a .keras archive requires a Sequential or Functional model, or a " +
                $"model class registered with SerializationRegistry.Register, so that it can be loaded back; " +
                $"{model.GetType().Name} is neither. Save its weights with SaveWeights(\"name.weights.h5\") instead.");
        }
        var config = KerasSerialization.SerializeLayer(model);
        config["compile_config"] = CompileConfig.SerializeCompileConfig(model);
        var metadata = new JsonObject
        {
            ["keras_version"] = KerasVersion,
            ["date_saved"] = DateTime.Now.ToString("yyyy-MM-dd@HH:mm:ss", CultureInfo.InvariantCulture),
        };
        var assets = KerasAssets.Collect(model);
        using var weights = new MemoryStream();
        WeightsFileWriter.Write(model, weights);
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            WriteMember(zip, MetadataMember, Encoding.UTF8.GetBytes(metadata.ToJsonString()), ZipEpoch);
            WriteMember(zip, ConfigMember, Encoding.UTF8.GetBytes(config.ToJsonString()), ZipEpoch);
            WriteMember(zip, WeightsMember, weights.ToArray(), DateTimeOffset.Now);
            foreach (var (name, content) in assets)
            {
                WriteMember(zip, name, content, DateTimeOffset.Now);
            }
        });
    }

    /// <summary>Loads the model saved in <paramref name="path"/>.</summary>
    /// <param name="path">The <c>.keras</c> file.</param>
    /// <param name="compile">Compile from <c>compile_config</c> and restore the optimizer state.</param>
    /// <param name="warn">Receives warnings (optimizer state that does not fit is skipped, as in Keras).</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="KerasFileException">The archive is unsafe, incomplete or does not describe a loadable
    /// model.</exception>
    public static Model Load(string path, bool compile, Action<string> warn)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: \"{path}\".", path);
        }
        using var archive = ArchiveReader.Open(path);
        RejectNpzWeights(archive);
        if (archive.Contains(MetadataMember))
        {
            var metadata = ArchiveJson.ReadObject(archive, MetadataMember);
            if (metadata["keras_version"] is { } version && version.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                throw new KerasFileException(
                    $"\"{MetadataMember}\" in \"{path}\": \"keras_version\" must be a string. Received: " +
                    $"{version.ToJsonString()}.", path);
            }
        }
        var config = ArchiveJson.ReadObject(archive, ConfigMember);
        ArchiveJson.RejectCodeClasses(config, path);
        var model = StoredModel.Rebuild(config, path, ConfigMember);
        try
        {
            if (compile && config["compile_config"] is JsonObject { Count: > 0 } compileConfig)
            {
                CompileConfig.Compile(model, compileConfig, path);
            }
            foreach (var warning in LoadWeights(archive, model, skipMismatch: false))
            {
                warn(warning);
            }
            KerasAssets.Restore(archive, model);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Loads the archive's <c>model.weights.h5</c> into <paramref name="model"/> (Keras'
    /// <c>load_weights("m.keras")</c>).</summary>
    /// <returns>The warnings for what <paramref name="skipMismatch"/> skipped.</returns>
    public static IReadOnlyList<string> LoadWeights(string path, Model model, bool skipMismatch)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: \"{path}\".", path);
        }
        using var archive = ArchiveReader.Open(path);
        RejectNpzWeights(archive);
        return LoadWeights(archive, model, skipMismatch);
    }

    private static IReadOnlyList<string> LoadWeights(ArchiveReader archive, Model model, bool skipMismatch)
    {
        string name = $"{archive.FilePath}/{WeightsMember}";
        using var weights = archive.Read(WeightsMember, ArchiveLimits.MaxWeightsBytes);
        using var h5 = Hdf5Files.Open(weights, name);
        return WeightsFileReader.Load(h5, model, name, skipMismatch);
    }

    private static void RejectNpzWeights(ArchiveReader archive)
    {
        if (!archive.Contains(WeightsMember) && archive.Contains("model.weights.npz"))
        {
            throw new KerasFileException(
                $"\"{archive.FilePath}\" stores its weights as model.weights.npz (Keras' weights_format=\"npz\"), " +
                "which holds pickled Python objects; Keras.Net reads only model.weights.h5. Re-save the model in " +
                "Keras with the default weights format.", archive.FilePath);
        }
    }

    private static void WriteMember(ZipArchive zip, string name, byte[] content, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = time;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
