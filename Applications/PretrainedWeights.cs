using Keras.Datasets;

namespace Keras.Applications;

/// <summary>Finds Keras' published weight files like Keras' <c>get_file(..., cache_subdir="models")</c> and loads
/// them the way Keras' applications do.</summary>
/// <remarks>Order: <c>&lt;cache&gt;/models/&lt;file&gt;</c>, then the fallback cache, then a download into the cache.
/// A cached copy whose hash differs from Keras' is skipped and downloaded again, as Keras does. Downloads go to a
/// temporary file next to the target and are renamed into place only after the hash matched.</remarks>
internal static class PretrainedWeights
{
    /// <summary>Loads the <c>weights</c> argument into <paramref name="model"/>: Keras' ImageNet file (found or
    /// downloaded), or the user's file, or nothing for <see langword="null"/>.</summary>
    /// <param name="model">The application model just built.</param>
    /// <param name="weights">Null, <c>"imagenet"</c> or a weights file path.</param>
    /// <param name="imageNetFile">Keras' ImageNet file for this configuration.</param>
    /// <remarks>Keras' applications call <c>model.load_weights(path)</c> without <c>by_name</c>: the layers that have
    /// weights are matched to the file's in order (topology), so the file's layer names need not match the
    /// model's.</remarks>
    internal static void Load(Functional model, string? weights, Func<WeightsFile> imageNetFile)
    {
        if (weights == ApplicationArguments.ImageNet)
        {
            model.LoadWeights(Resolve(imageNetFile(), WeightsSources.Current));
        }
        else if (weights is not null)
        {
            model.LoadWeights(weights);
        }
    }

    /// <summary>The path of a valid local copy of <paramref name="file"/>, downloading it when there is none.</summary>
    /// <param name="file">The file.</param>
    /// <param name="sources">Cache folders, origin and progress.</param>
    /// <returns>The absolute path of the file.</returns>
    /// <exception cref="WeightsNotAvailableException">No valid copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's hash does not match Keras'.</exception>
    internal static string Resolve(WeightsFile file, WeightsSources sources)
    {
        IReadOnlyList<string> paths = sources.ModelDirectories().Select(d => Path.Combine(d, file.FileName)).ToList();
        var rejected = new List<string>();
        foreach (string path in paths)
        {
            if (!File.Exists(path))
            {
                rejected.Add($"{path} (not found)");
                continue;
            }
            if (file.Hash is null || FileHash.Compute(path, file.Hash) is var actual && FileHash.Matches(file.Hash, actual))
            {
                return path;
            }
            rejected.Add($"{path} ({FileHash.AlgorithmName(file.Hash)} {actual} does not match the expected {file.Hash})");
        }
        return Download(file, sources, paths, rejected);
    }

    private static string Download(WeightsFile file, WeightsSources sources, IReadOnlyList<string> paths,
        List<string> rejected)
    {
        string origin = sources.OriginOf(file);
        (string target, string temp, FileStream? stream) = OpenTemporary(paths, rejected);
        if (stream is null)
        {
            throw NotAvailable(file, origin, paths, rejected, "no cache folder could be written", null);
        }
        try
        {
            using (stream)
            {
                Downloader.Download(origin, stream, sources.ForDownloader());
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            File.Delete(temp);
            throw NotAvailable(file, origin, paths, rejected, e.Message, e);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        if (file.Hash is { } expected && FileHash.Compute(temp, expected) is var actual && !FileHash.Matches(expected, actual))
        {
            File.Delete(temp);
            throw new InvalidDataException(
                $"Incomplete or corrupted file detected. The {FileHash.AlgorithmName(expected)} file hash does not match the " +
                $"provided value of {expected}. Downloaded {file.FileName} from {origin}: its hash is {actual}. The " +
                "download was deleted; retry later or place a good copy in the Keras cache.");
        }
        File.Move(temp, target, overwrite: true);
        return target;
    }

    private static (string Target, string Temp, FileStream? Stream) OpenTemporary(IReadOnlyList<string> paths,
        List<string> rejected)
    {
        foreach (string target in paths)
        {
            string temp = $"{target}.{Guid.NewGuid():N}.part";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                return (target, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                rejected.Add($"{Path.GetDirectoryName(target)} (cannot be written: {e.Message})");
            }
        }
        return ("", "", null);
    }

    private static WeightsNotAvailableException NotAvailable(WeightsFile file, string origin,
        IReadOnlyList<string> paths, List<string> rejected, string downloadError, Exception? inner)
    {
        string message =
            $"Cannot load the pretrained weights {file.FileName}: no valid copy in the Keras cache and the download " +
            $"failed.{Environment.NewLine}" +
            $"Looked in:{Environment.NewLine}" +
            string.Concat(rejected.Select(r => $"  - {r}{Environment.NewLine}")) +
            $"Tried to download {origin}: {downloadError}{Environment.NewLine}" +
            $"Download {file.Origin} on a machine with network access and place it at {paths[0]} " +
            "(the Keras cache: $KERAS_HOME/models, default ~/.keras/models), or pass `weights: null`.";
        return new WeightsNotAvailableException(message, paths[0], origin, inner);
    }
}
