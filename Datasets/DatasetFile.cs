namespace Keras.Datasets;

/// <summary>Finds or downloads one dataset file, like Keras' <c>get_file</c>, and reads it.</summary>
/// <remarks>Order: the cache (<c>&lt;cache&gt;/datasets/</c>, then the fallback cache), then the names older Keras
/// versions cached the file under, then the spec's system folder,
/// then a download into the cache. A copy whose hash (SHA-256 or MD5, as Keras infers from the published hash)
/// differs from the spec's, or that <c>read</c> rejects with <see cref="InvalidDataException"/>, is skipped (a bad
/// cached copy is replaced by the download). Downloads go to <c>&lt;file&gt;.part</c> beside the target and are
/// renamed into place only after the hash matched; a transfer that breaks off keeps its <c>.part</c>, and the next
/// call resumes it with an HTTP Range request (starting over when the server ignores the range or the resumed file's
/// hash is wrong).</remarks>
internal static class DatasetFile
{
    /// <summary>Reads the first valid copy of a file, downloading it into the cache when there is none.</summary>
    /// <typeparam name="T">What <paramref name="read"/> returns.</typeparam>
    /// <param name="spec">The file.</param>
    /// <param name="sources">Cache, origin and progress settings.</param>
    /// <param name="read">Parses a copy; throws <see cref="InvalidDataException"/> when it is not valid.</param>
    /// <returns>What <paramref name="read"/> returned for the copy used.</returns>
    /// <exception cref="DatasetNotAvailableException">No valid local copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The download's hash did not match, or it could not be read.</exception>
    internal static T Load<T>(DatasetFileSpec spec, DatasetSources sources, Func<string, T> read)
    {
        IReadOnlyList<string> cachePaths = CachePaths(spec, sources);
        var searched = new List<string>();
        var rejected = new List<string>();
        IEnumerable<string> candidates = cachePaths.Concat(spec.OtherCacheNames.SelectMany(name =>
            sources.DatasetCacheDirectories().Select(dir => Path.GetFullPath(Path.Combine(dir, name)))));
        if (spec.SystemDirectory is not null)
        {
            candidates = candidates.Append(Path.Combine(spec.SystemDirectory, spec.FileName));
        }
        foreach (string candidate in candidates)
        {
            searched.Add(candidate);
            if (TryRead(spec, candidate, read, out T? value, out string? reason))
            {
                return value;
            }
            rejected.Add($"{candidate} ({reason})");
        }
        return Download(spec, sources, cachePaths, read, searched, rejected);
    }

    /// <summary>Where the file lives in the cache: primary cache first, then the fallback cache.</summary>
    /// <param name="spec">The file.</param>
    /// <param name="sources">The cache roots.</param>
    /// <returns>One or two absolute paths.</returns>
    internal static IReadOnlyList<string> CachePaths(DatasetFileSpec spec, DatasetSources sources) =>
        sources.DatasetCacheDirectories()
            .Select(dir => Path.GetFullPath(Path.Combine(dir, spec.CachePath)))
            .Distinct()
            .ToList();

    private static bool TryRead<T>(
        DatasetFileSpec spec, string path, Func<string, T> read, out T value, out string reason)
    {
        value = default!;
        if (!File.Exists(path))
        {
            reason = "not found";
            return false;
        }
        try
        {
            if (spec.Hash is { } expected && FileHash.Compute(path, expected) is var actual
                && !FileHash.Matches(expected, actual))
            {
                reason = $"its {FileHash.AlgorithmName(expected)} {actual} does not match the expected {expected}";
                return false;
            }
            value = read(path);
            reason = "";
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            reason = $"unusable: {e.Message}";
            return false;
        }
    }

    private static T Download<T>(DatasetFileSpec spec, DatasetSources sources, IReadOnlyList<string> cachePaths,
        Func<string, T> read, List<string> searched, List<string> rejected)
    {
        (string target, string temp, FileStream? stream) = OpenTemporary(cachePaths, rejected);
        if (stream is null)
        {
            throw NotAvailable(spec, searched, rejected, "no cache folder could be written", null);
        }
        bool resumed = stream.Length > 0;
        try
        {
            using (stream)
            {
                Downloader.Download(spec.Origin, stream, sources);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            long kept = DeleteIfEmpty(temp);
            string resume = kept > 0
                ? $" The {kept} bytes received are kept in {temp}; the next call resumes from there."
                : "";
            throw NotAvailable(spec, searched, rejected, e.Message + resume, e);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        if (spec.Hash is { } expected && FileHash.Compute(temp, expected) is var actual
            && !FileHash.Matches(expected, actual))
        {
            File.Delete(temp);
            if (resumed)
            {
                sources.ProgressWriter.WriteLine(
                    $"The resumed download of {spec.FileName} has the wrong hash; downloading it again from the start.");
                return Download(spec, sources, cachePaths, read, searched, rejected);
            }
            throw new InvalidDataException(
                $"Downloaded {spec.FileName} from {spec.Origin}, but it is incomplete or corrupted: its " +
                $"{FileHash.AlgorithmName(expected)} hash does not match. Expected: {expected}. Received: {actual}. " +
                "The download was deleted; retry later or place a good copy in the cache.");
        }
        File.Move(temp, target, overwrite: true);
        try
        {
            return read(target);
        }
        catch (InvalidDataException e)
        {
            File.Delete(target);
            throw new InvalidDataException(
                $"Downloaded {spec.FileName} from {spec.Origin}, but it is not valid, so it was deleted. {e.Message}",
                e);
        }
    }

    /// <summary>Opens <c>&lt;target&gt;.part</c> for writing, keeping a partial download to resume; when another
    /// process holds it, a private temporary file is used instead.</summary>
    private static (string Target, string Temp, FileStream? Stream) OpenTemporary(
        IReadOnlyList<string> cachePaths, List<string> rejected)
    {
        foreach (string target in cachePaths)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                string temp = $"{target}.part";
                try
                {
                    return (target, temp, new FileStream(temp, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None));
                }
                catch (IOException) when (File.Exists(temp))
                {
                    temp = $"{target}.{Guid.NewGuid():N}.part";
                    return (target, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                rejected.Add($"{Path.GetDirectoryName(target)} (cannot be written: {e.Message})");
            }
        }
        return ("", "", null);
    }

    private static long DeleteIfEmpty(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > 0)
        {
            return info.Length;
        }
        info.Delete();
        return 0;
    }

    private static DatasetNotAvailableException NotAvailable(DatasetFileSpec spec, List<string> searched,
        List<string> rejected, string downloadError, Exception? inner)
    {
        string hint = spec.InstallHint ?? $"Place {spec.FileName} at {searched[0]}, or check the network and retry.";
        string message =
            $"Cannot load {spec.FileName}: no valid local copy and the download failed.{Environment.NewLine}" +
            $"Looked in:{Environment.NewLine}" +
            string.Concat(rejected.Select(r => $"  - {r}{Environment.NewLine}")) +
            $"Tried to download {spec.Origin}: {downloadError}{Environment.NewLine}" +
            hint;
        return new DatasetNotAvailableException(message, searched, spec.Origin, inner);
    }
}
