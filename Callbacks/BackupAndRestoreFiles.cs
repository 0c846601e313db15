using System.Security.Cryptography;
using Keras.Saving;
using Keras.Saving.KerasV3;
using Keras.Training;

namespace Keras.Callbacks;

/// <summary>The files of a BackupAndRestore directory, Keras' names: <c>latest.weights.h5</c> and
/// <c>training_metadata.json</c>, with the previous pair kept as <c>_latest.weights.h5</c> and
/// <c>_training_metadata.json</c>.</summary>
/// <remarks>Each file is written whole (temporary file, then rename), and each metadata file records the SHA-256 of
/// the weights file it belongs with. Before a new pair is written the current pair is renamed to the previous names, so
/// whenever the process is killed some metadata file still has its weights file on disk: restoring takes the newest
/// metadata whose weights are found and intact.</remarks>
internal sealed class BackupAndRestoreFiles(string directory)
{
    private const string WeightsName = "latest.weights.h5";
    private const string MetadataName = "training_metadata.json";
    private const string PreviousPrefix = "_";

    private string Weights => Path.Combine(directory, WeightsName);
    private string Metadata => Path.Combine(directory, MetadataName);
    private string PreviousWeights => Path.Combine(directory, PreviousPrefix + WeightsName);
    private string PreviousMetadata => Path.Combine(directory, PreviousPrefix + MetadataName);

    /// <summary>Writes the model's weights and optimizer state with <paramref name="snapshot"/>.</summary>
    internal void Save(Model model, FitSnapshot snapshot)
    {
        using var weights = new MemoryStream();
        WeightsFileWriter.Write(model, weights);
        string sha = Convert.ToHexStringLower(SHA256.HashData(weights.ToArray()));
        byte[] metadata = BackupAndRestoreMetadata.Write(snapshot, sha);
        Directory.CreateDirectory(directory);
        MoveIfExists(Weights, PreviousWeights);
        MoveIfExists(Metadata, PreviousMetadata);
        AtomicFile.Write(Weights, stream => stream.Write(weights.GetBuffer(), 0, (int)weights.Length));
        AtomicFile.Write(Metadata, stream => stream.Write(metadata));
    }

    /// <summary>Loads the newest intact backup into <paramref name="model"/>.</summary>
    /// <returns>Where training continues, or null when the directory holds no backup (only weights written by Keras
    /// without metadata are loaded, as Keras does, and training starts from the beginning).</returns>
    /// <exception cref="InvalidDataException">Metadata exists but none of it matches an intact weights file.</exception>
    internal FitSnapshot? Load(Model model, Action<string> warn)
    {
        var metadataFiles = new[] { Metadata, PreviousMetadata }.Where(File.Exists).ToList();
        if (metadataFiles.Count == 0)
        {
            if (File.Exists(Weights))
            {
                model.LoadWeights(Weights, byName: false, skipMismatch: false, warn);
            }
            return null;
        }
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string weights in new[] { Weights, PreviousWeights }.Where(File.Exists))
        {
            hashes[weights] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(weights)));
        }
        var problems = new List<string>();
        foreach (string metadataFile in metadataFiles)
        {
            FitSnapshot snapshot;
            string? sha;
            try
            {
                (snapshot, sha) = BackupAndRestoreMetadata.Read(metadataFile);
            }
            catch (InvalidDataException e)
            {
                problems.Add(e.Message);
                continue;
            }
            // Keras' own metadata names no hash: it goes with the weights file of the same generation.
            string? weightsFile = sha is null
                ? (metadataFile == Metadata ? Weights : PreviousWeights)
                : hashes.FirstOrDefault(kv => kv.Value == sha).Key;
            if (weightsFile is null || !File.Exists(weightsFile))
            {
                problems.Add($"\"{metadataFile}\" belongs with a weights file that is missing or was changed " +
                             $"(SHA-256 {sha}).");
                continue;
            }
            model.LoadWeights(weightsFile, byName: false, skipMismatch: false, warn);
            return snapshot;
        }
        throw new InvalidDataException($"BackupAndRestore found no usable backup in \"{directory}\": " +
            $"{string.Join(" ", problems)} Delete the directory to start training afresh.");
    }

    /// <summary>Removes the backup directory (Keras' <c>rmtree(backup_dir)</c>).</summary>
    internal void Delete()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void MoveIfExists(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Move(from, to, overwrite: true);
        }
    }
}
